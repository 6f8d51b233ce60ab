package coop.plenum.governance.election;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SPEC "Voting methods", ELECTION: seats per class; each class's members rank that class's candidates and elect
 * its seats by Meek STV, power as weight. The classes are separate counts: a candidate stands for one class only,
 * and no class's ballots or weight reach another's.
 */
public final class BoardElection {

    private BoardElection() {
    }

    /** One Meek count per class, in the order the contests are given. */
    public static Map<String, MeekCount> count(List<ClassContest> contests) {
        Set<String> standing = new HashSet<>();
        Map<String, MeekCount> result = new LinkedHashMap<>();
        for (ClassContest contest : contests) {
            for (String candidate : contest.candidates()) {
                if (!standing.add(candidate)) {
                    throw new IllegalArgumentException("candidate " + candidate + " stands for more than one class");
                }
            }
            if (result.put(contest.classId(), MeekStv.count(contest.candidates(), contest.seats(), contest.ballots())) != null) {
                throw new IllegalArgumentException("class " + contest.classId() + " appears twice");
            }
        }
        return result;
    }
}
