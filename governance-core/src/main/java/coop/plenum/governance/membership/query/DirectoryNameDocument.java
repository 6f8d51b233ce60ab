package coop.plenum.governance.membership.query;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the directory needs to name people and cooperatives: kept by this projection, from their own events. */
@Document("directory_names")
record DirectoryNameDocument(@Id String id, String name) {

    static String account(String accountId) {
        return "account:" + accountId;
    }

    static String cooperative(String cooperativeId) {
        return "cooperative:" + cooperativeId;
    }
}
