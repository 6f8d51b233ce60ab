package coop.plenum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Assembles Plenum: governance core, ledger, JSON API and browser UI in one deployable jar. */
@SpringBootApplication
public class PlenumApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "audit".equals(args[0])) {
            // offline: no server, no database, nothing started
            System.exit(coop.plenum.governance.audit.offline.AuditCommand.run(java.util.List.of(args), System.out, System.err));
        }
        if (args.length > 0 && "stores".equals(args[0])) {
            // the embedded stores alone, as network services several nodes share
            System.exit(coop.plenum.governance.storage.StoresCommand.run(java.util.List.of(args).subList(1, args.length),
                    System.out, System.err));
        }
        // Axon 4.13 phones an update-check service at start; only this system property (not a Spring one) stops it
        System.setProperty("axoniq.update-checker.disabled", "true");
        OrderlyShutdown.onTerminationSignals(SpringApplication.run(PlenumApplication.class, args));
    }
}
