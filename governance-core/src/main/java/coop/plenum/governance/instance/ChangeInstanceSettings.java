package coop.plenum.governance.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The operator sets how this Plenum instance runs. There is one settings stream per instance ({@link #INSTANCE});
 * only operators reach this command (the API's security checks the platform-wide OPERATOR role).
 */
public record ChangeInstanceSettings(@TargetAggregateIdentifier String instance, boolean openSignUp) {

    public static final String INSTANCE = "instance";

    public ChangeInstanceSettings(boolean openSignUp) {
        this(INSTANCE, openSignUp);
    }
}
