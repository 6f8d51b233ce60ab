package coop.plenum.web;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The proposal list's own links (tabs, newer/older) keeping the search and state that are set, and only those: a
 * link never carries an empty {@code q=} or {@code state=}.
 */
record ProposalListLinks(String cooperativeId, String state, String search) {

    /** The list in another state (null: all), with the same search, from its first page. */
    public String inState(String otherState) {
        return href(otherState, 1);
    }

    /** Another page of the same list. */
    public String page(int page) {
        return href(state, page);
    }

    private String href(String inState, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/cooperatives/{c}/proposals");
        if (inState != null) {
            link.queryParam("state", inState);
        }
        if (search != null && !search.isEmpty()) {
            link.queryParam("q", "{q}");
        }
        if (page > 1) {
            link.queryParam("page", page);
        }
        return link.encode().buildAndExpand(java.util.Map.of("c", cooperativeId, "q", search == null ? "" : search)).toUriString();
    }
}
