package coop.plenum.web;

import coop.plenum.kernel.InvalidInput;
import coop.plenum.kernel.Violation;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The proposal list's search and page as asked in the query string, checked at the page's edge: a search is text a
 * person types, at most {@value #MAX_SEARCH} characters; a page is a {@link PageNumber}. Anything
 * else is refused with a 400 page naming the field, before any query runs.
 */
record ProposalListRequest(String search, int page) {

    static final int PAGE_SIZE = PageNumber.SIZE;
    static final int MAX_SEARCH = 100;

    static ProposalListRequest of(MultiValueMap<String, String> params) {
        List<Violation> violations = new ArrayList<>();
        String search = params.getFirst("q");
        if (search != null && (FormText.hasControlCharacter(search) || search.length() > MAX_SEARCH)) {
            violations.add(new Violation("q", "proposals.search-invalid",
                    "q (the search) is at most " + MAX_SEARCH + " characters, without control characters"));
        }
        int page = PageNumber.parse(params.getFirst("page"), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new ProposalListRequest(search == null ? "" : search.strip(), page);
    }

    /** The page as the query counts it, from 0. */
    int pageIndex() {
        return page - 1;
    }
}
