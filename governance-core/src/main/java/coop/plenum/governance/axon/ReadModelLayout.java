package coop.plenum.governance.axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of the documents a read-model projection writes. Raise it when a projection stores its read model
 * differently: at the next start {@link ReadModelLayouts} rebuilds that read model from the event log (its reset
 * handler drops the old documents), so no document is ever read in a layout its code does not know. A projection
 * without this annotation is at version 1.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModelLayout {
    int value();
}
