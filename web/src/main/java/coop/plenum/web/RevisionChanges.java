package coop.plenum.web;

import coop.plenum.governance.proposal.query.ProposalView.RevisionView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What each revision of a proposal changed against the one before it (issue 14): the title and the body as word
 * diffs. The first revision has nothing before it and is listed as it was submitted.
 */
record RevisionChanges(int revision, Instant at, String title, List<TextDiff.Segment> titleDiff,
                       List<TextDiff.Segment> bodyDiff) {

    /** Newest first: the change a reader came to see is usually the latest. */
    static List<RevisionChanges> of(List<RevisionView> revisions) {
        List<RevisionChanges> changes = new ArrayList<>();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            RevisionView r = revisions.get(i);
            RevisionView before = i == 0 ? null : revisions.get(i - 1);
            changes.add(new RevisionChanges(r.revision(), r.at(), r.title(),
                    before == null ? List.of() : TextDiff.between(before.title(), r.title()),
                    before == null ? List.of() : TextDiff.between(before.body(), r.body())));
        }
        return changes;
    }

    // public for the templates
    public boolean first() {
        return revision == 1;
    }

    public boolean titleChanged() {
        return !TextDiff.unchanged(titleDiff);
    }

    public boolean bodyChanged() {
        return !TextDiff.unchanged(bodyDiff);
    }
}
