package coop.plenum.governance.proposal.secret;

import com.fasterxml.jackson.annotation.JsonInclude;
import coop.plenum.governance.options.ConsentChoice;
import coop.plenum.governance.tally.Choice;

import java.util.List;
import java.util.Map;

/** What a sealed ballot holds: the voter's receipt tag and the ballot's body (the fields of its method only). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretBallotBody(String tag, Choice choice, List<String> approve, Map<String, Integer> scores,
                               ConsentChoice consent, String reason, List<List<String>> ranking) {
}
