package coop.plenum.governance.power;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/**
 * Until the ledger records contributions (its own feature, not built yet) no member has accepted points, so this
 * answers zero for everyone: exactly the truth of a log without contributions. The ledger replaces this bean.
 */
@Configuration(proxyBeanMethods = false)
class PointsBeforeTheLedger {

    @Bean
    @ConditionalOnMissingBean(AcceptedPoints.class)
    AcceptedPoints noContributionsRecordedYet() {
        return (cooperative, member, asOf, occurredFrom) -> BigDecimal.ZERO;
    }
}
