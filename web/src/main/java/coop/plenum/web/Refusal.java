package coop.plenum.web;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.NotFound;
import coop.plenum.kernel.RuleViolation;
import coop.plenum.kernel.Violation;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Why a form was refused: its messages, and the fields to mark, for the form named {@code form}. */
record Refusal(String form, List<String> messages, Set<String> fields, HttpStatus status) {

    static final Refusal NONE = new Refusal("", List.of(), Set.of(), HttpStatus.OK);

    /** The refusal of {@code form}, said in the reader's language ({@link RefusalWords}). */
    static Refusal of(String form, RuleViolation violation, Words words) {
        if (violation instanceof InvalidInput invalid) {
            return new Refusal(form, RefusalWords.sayAll(invalid, words),
                    invalid.violations().stream().map(Violation::field).collect(Collectors.toSet()), HttpStatus.BAD_REQUEST);
        }
        return new Refusal(form, List.of(RefusalWords.say(violation, words)), Set.of(), PageProblem.statusOf(violation));
    }

    /**
     * Whether a failure is a refusal to show on the page it came from. A thing that is not there (in this cooperative)
     * gets the not-found page instead: there is no page of it to show again.
     */
    static boolean shownOnThePage(Throwable failure) {
        return failure instanceof RuleViolation && !(failure instanceof NotFound);
    }

    /**
     * The page that shows a refusal, read on a fresh thread. A refused command ends on the bounded-elastic thread
     * that sent it, and the first query of the page read there was seen to fail now and then as "UnitOfWork of
     * SimpleQueryBus was interrupted" (a 500 instead of the refusal) under load; the page's reads do not need that thread.
     */
    static <T> Mono<T> shownAfresh(Supplier<Mono<T>> page) {
        return Mono.defer(page).subscribeOn(Schedulers.parallel());
    }

    // public for the templates
    public boolean concerns(String form) {
        return this.form.equals(form);
    }

    public boolean marks(String form, String field) {
        return concerns(form) && fields.contains(field);
    }

    /** Whether a field or any part of it is refused: {@code options} for {@code options[2].label} too. */
    public boolean marksAny(String form, String field) {
        return concerns(form) && fields.stream().anyMatch(f -> f.equals(field) || f.startsWith(field + "[") || f.startsWith(field + "."));
    }
}
