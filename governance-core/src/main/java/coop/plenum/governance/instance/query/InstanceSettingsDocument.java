package coop.plenum.governance.instance.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("instance_settings")
record InstanceSettingsDocument(@Id String id, boolean openSignUp) {
}
