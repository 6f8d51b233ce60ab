package coop.plenum.web;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * A step that asks before an action that is hard to undo (suspend, reject, close a vote, withdraw; issue 14), and
 * works without JavaScript: the action's button posts without {@code confirmed=yes}, and the server answers with a
 * page that says what will happen and carries a second form with {@code confirmed=yes}. Only that second post acts.
 * With JavaScript, confirm.js may ask in a dialog instead and add the field itself.
 */
record ConfirmStep(String title, String question, String consequence, String action, String button, String cancel) {

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

    static ConfirmStep closeVote(String base, String title) {
        return new ConfirmStep("Close the vote?", "Close the vote on “" + title + "” now?",
                "The tally is final once closed: nobody can vote or change a ballot afterwards.", base + "/close",
                "Close the vote", base);
    }

    static ConfirmStep withdrawProposal(String base, String title) {
        return new ConfirmStep("Withdraw the proposal?", "Withdraw “" + title + "”?",
                "A withdrawn proposal cannot be put to a vote; you would have to propose it again.", base + "/withdraw",
                "Withdraw the proposal", base);
    }

    static ConfirmStep member(String action, String coopPath, String memberPath, String name) {
        return switch (action) {
            case "suspend" -> new ConfirmStep("Suspend " + name + "?", "Suspend " + name + "?",
                    "A suspended member cannot propose, vote, delegate or log contributions until a secretary reinstates them.",
                    memberPath + "/suspend", "Suspend", memberPath);
            case "reject" -> new ConfirmStep("Reject the application?", "Reject " + name + "’s application?",
                    "The application is closed; they may apply again later.", memberPath + "/reject", "Reject the application",
                    coopPath);
            default -> new ConfirmStep("Leave the cooperative?", "Leave this cooperative?",
                    "You will no longer vote or take part; you can apply again later.", memberPath + "/withdraw",
                    "Leave the cooperative", memberPath);
        };
    }

    /** The actions that ask first. */
    static boolean asksFirst(String memberAction) {
        return "suspend".equals(memberAction) || "reject".equals(memberAction) || "withdraw".equals(memberAction);
    }
}
