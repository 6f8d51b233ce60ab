package coop.plenum.governance.account.login;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** The login table must move in lock-step with the log, so its handler subscribes inside the command's transaction. */
@Configuration(proxyBeanMethods = false)
class AccountLoginProcessing {

    @Autowired
    void subscribeInsideTheCommandTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(AccountLoginProjection.GROUP)
                .registerListenerInvocationErrorHandler(AccountLoginProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
