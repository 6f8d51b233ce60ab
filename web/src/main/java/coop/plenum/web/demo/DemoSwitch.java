package coop.plenum.web.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With {@code plenum.demo=true} (PLENUM_DEMO=true) the demo cooperative is seeded at start, once. */
@Component
@Order(10)
class DemoSwitch implements ApplicationRunner {

    private final DemoCooperative demo;
    private final boolean enabled;
    private final String password;

    DemoSwitch(DemoCooperative demo, @Value("${plenum.demo:false}") boolean enabled,
               @Value("${plenum.demo-password:plenum-demo}") String password) {
        this.demo = demo;
        this.enabled = enabled;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && demo.seed(password)) {
            System.out.println("\n\n    Demo: sign in at /login as ada (secretary), ben, chloe, dev, emma, finn or hugo, grace (still applying), or audra (auditor),"
                    + " password '" + password + "'.\n");
        }
    }
}
