package coop.plenum.web;

import java.util.Locale;

/**
 * A small writer of inline SVG for the server-rendered charts (issue 14: no chart library, no front-end build). Every
 * chart starts with a {@code <title>} and {@code <desc>} (its text alternative, tied to the element by
 * {@code aria-labelledby}), and every piece of text or attribute value that comes from a member (a class name, a
 * project) is escaped here, so a page can insert the result unescaped. Coordinates are given in whole or decimal
 * user units as strings the callers computed exactly; nothing here decides anything.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder();
    private boolean closed;

    private Svg(String id, int width, int height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" id=\"").append(attr(id))
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"").append(attr(id)).append("-title ")
                .append(attr(id)).append("-desc\">")
                .append("<title id=\"").append(attr(id)).append("-title\">").append(text(title)).append("</title>")
                .append("<desc id=\"").append(attr(id)).append("-desc\">").append(text(description)).append("</desc>");
    }

    /** A chart {@code width × height} user units wide, with its title and description (its text alternative). */
    static Svg chart(String id, int width, int height, String title, String description) {
        return new Svg(id, width, height, title, description);
    }

    /** A rectangle; {@code cssClass} colours it through the stylesheet. */
    Svg rect(double x, double y, double width, double height, String cssClass) {
        return element("rect", "x", x, "y", y, "width", Math.max(0, width), "height", Math.max(0, height), cssClass, null);
    }

    /** A rectangle with a tooltip (an SVG {@code <title>} child), e.g. the exact value a bar stands for. */
    Svg rect(double x, double y, double width, double height, String cssClass, String tooltip) {
        return element("rect", "x", x, "y", y, "width", Math.max(0, width), "height", Math.max(0, height), cssClass, tooltip);
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        requireOpen();
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(cls(cssClass)).append("/>");
        return this;
    }

    /** A polyline through {@code points} (x, y pairs). */
    Svg polyline(double[] points, String cssClass) {
        requireOpen();
        StringBuilder p = new StringBuilder();
        for (int i = 0; i + 1 < points.length; i += 2) {
            p.append(i == 0 ? "" : " ").append(n(points[i])).append(',').append(n(points[i + 1]));
        }
        out.append("<polyline points=\"").append(p).append("\" fill=\"none\"").append(cls(cssClass)).append("/>");
        return this;
    }

    /** Text at (x, y); {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String content, String anchor, String cssClass) {
        requireOpen();
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(attr(anchor))
                .append('"').append(cls(cssClass)).append('>').append(text(content)).append("</text>");
        return this;
    }

    /** The finished SVG element. */
    String toSvg() {
        if (!closed) {
            out.append("</svg>");
            closed = true;
        }
        return out.toString();
    }

    private Svg element(String name, String a1, double v1, String a2, double v2, String a3, double v3, String a4, double v4,
                        String cssClass, String tooltip) {
        requireOpen();
        out.append('<').append(name).append(' ').append(a1).append("=\"").append(n(v1)).append("\" ").append(a2).append("=\"")
                .append(n(v2)).append("\" ").append(a3).append("=\"").append(n(v3)).append("\" ").append(a4).append("=\"")
                .append(n(v4)).append('"').append(cls(cssClass));
        if (tooltip == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(text(tooltip)).append("</title></").append(name).append('>');
        }
        return this;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the chart is finished");
        }
    }

    private static String cls(String cssClass) {
        return cssClass == null ? "" : " class=\"" + attr(cssClass) + "\"";
    }

    /** Coordinates with at most two decimals, always with a dot whatever the locale. */
    static String n(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }

    /** Text content: the three characters that could start markup or an entity. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An attribute value in double quotes: text escaping plus both quotes. */
    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("'", "&#39;");
    }
}
