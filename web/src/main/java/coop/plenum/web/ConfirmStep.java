package coop.plenum.web;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * A step that asks before an action that is hard to undo (suspend, reject, close a vote, withdraw; issue 14), and
 * works without JavaScript: the action's button posts without {@code confirmed=yes}, and the server answers with a
 * page that says what will happen and carries a second form with {@code confirmed=yes}. Only that second post acts.
 * With JavaScript, confirm.js may ask in a dialog instead and add the field itself.
 */
record ConfirmStep(String kind, String subject, String action, String cancel) {

    static final String FIELD = "confirmed";

    /** Whether the form says the person already confirmed. */
    static boolean confirmed(MultiValueMap<String, String> form) {
        return "yes".equals(form.getFirst(FIELD));
    }

    /** Fills the model for the confirm page and names its template. */
    String shownOn(Model model, Object user) {
        model.addAttribute("user", user);
        model.addAttribute("step", this);
        return "confirm";
    }

    /**
     * The message key of one of the page's texts (issue 14: the words are in the bundles, in the reader's language):
     * {@code part} is title, question, consequence or button; the question may name {@link #subject()}.
     */
    public String key(String part) {
        return "confirm." + kind + "." + part;
    }

    static ConfirmStep closeVote(String base, String title) {
        return new ConfirmStep("close", title, base + "/close", base);
    }

    static ConfirmStep withdrawProposal(String base, String title) {
        return new ConfirmStep("withdraw", title, base + "/withdraw", base);
    }

    static ConfirmStep member(String action, String coopPath, String memberPath, String name) {
        return switch (action) {
            case "suspend" -> new ConfirmStep("suspend", name, memberPath + "/suspend", memberPath);
            case "reject" -> new ConfirmStep("reject", name, memberPath + "/reject", coopPath);
            default -> new ConfirmStep("leave", name, memberPath + "/withdraw", memberPath);
        };
    }

    /** The actions that ask first. */
    static boolean asksFirst(String memberAction) {
        return "suspend".equals(memberAction) || "reject".equals(memberAction) || "withdraw".equals(memberAction);
    }
}
