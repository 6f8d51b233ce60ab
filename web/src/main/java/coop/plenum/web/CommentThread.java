package coop.plenum.web;

import coop.plenum.governance.ids.MemberId;
import coop.plenum.governance.proposal.query.ProposalView.CommentView;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A proposal's discussion as people read it (issue 14): each comment followed by its replies, oldest first, indented
 * by how deep it answers. Replies may chain without end in the log; the page indents at most {@value #MAX_INDENT}
 * levels (deeper ones line up with the last level and still say whom they answer), so a long exchange stays readable
 * on a phone. Built without recursion: a chain of thousands of replies must not cost a stack.
 */
record CommentThread(List<Entry> entries) {

    static final int MAX_INDENT = 4;

    /** One comment: its indent, its text as safe HTML, and the comment it answers with that comment's author. */
    record Entry(CommentView comment, int indent, String html, String replyTo, String replyToAuthor) {
    }

    static CommentThread of(List<CommentView> comments, Map<MemberId, String> names, Words words) {
        Map<String, CommentView> byId = new HashMap<>();
        comments.forEach(c -> byId.put(c.commentId(), c));
        Map<String, List<CommentView>> replies = new LinkedHashMap<>();
        List<CommentView> roots = new ArrayList<>();
        for (CommentView c : comments) {
            if (c.replyTo() != null && byId.containsKey(c.replyTo()) && !c.replyTo().equals(c.commentId())) {
                replies.computeIfAbsent(c.replyTo(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        List<Entry> entries = new ArrayList<>(comments.size());
        Deque<CommentView> next = new ArrayDeque<>();
        Deque<Integer> depth = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            next.push(roots.get(i));
            depth.push(0);
        }
        while (!next.isEmpty()) {
            CommentView c = next.pop();
            int d = depth.pop();
            CommentView parent = c.replyTo() == null ? null : byId.get(c.replyTo());
            entries.add(new Entry(c, Math.min(d, MAX_INDENT), SafeMarkdown.html(c.text()), parent == null ? null : parent.commentId(),
                    parent == null ? null : names.getOrDefault(parent.memberId(), words.say("methodResults.aMember"))));
            List<CommentView> answers = replies.getOrDefault(c.commentId(), List.of());
            for (int i = answers.size() - 1; i >= 0; i--) {
                next.push(answers.get(i));
                depth.push(d + 1);
            }
        }
        return new CommentThread(entries);
    }

    // public for the templates
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether a reply form for {@code commentId} is on the page (a refused reply to an unknown comment is shown below). */
    public boolean shows(String commentId) {
        return commentId != null && entries.stream().anyMatch(e -> e.comment().commentId().equals(commentId));
    }
}
