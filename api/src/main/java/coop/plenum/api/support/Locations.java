package coop.plenum.api.support;

import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;

/**
 * The {@code Location} of a created resource. Path segments come from the request and may hold anything (a space,
 * a control character), so they are encoded rather than concatenated: {@code URI.create} would throw, a 500.
 */
public final class Locations {

    private Locations() {
    }

    /** {@code template} uses {@code {name}} placeholders, e.g. {@code /api/v1/cooperatives/{c}/proposals/{p}}. */
    public static URI of(String template, Object... segments) {
        return UriComponentsBuilder.fromPath(template).buildAndExpand(segments).encode().toUri();
    }
}
