package coop.plenum.web;

import coop.plenum.kernel.Violation;

import java.util.List;

/**
 * A list page's number as asked in the query string ({@code page}): 1 when absent, else a number from 1 to
 * {@value #MAX}. Lists go back twenty entries a page, so the bound is 10,000 entries: further than anyone pages.
 */
final class PageNumber {

    static final int SIZE = 20;
    static final int MAX = 500;

    private PageNumber() {
    }

    /** The page asked for, or 1 with a violation naming {@code page} when it is not a number in range. */
    static int parse(String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        int page;
        try {
            page = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            page = -1;
        }
        if (page < 1 || page > MAX) {
            violations.add(new Violation("page", "page.invalid", "page is a number from 1 to " + MAX));
            return 1;
        }
        return page;
    }
}
