package coop.plenum.web;

import coop.plenum.api.proposal.TallyJson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;

/**
 * The charts the pages draw on the server (issue 14), each an inline SVG with a title and a description that say in
 * words what the chart shows, and a table on the page with the same figures. Positions are display coordinates
 * derived from the exact values; a chart never decides anything.
 */
final class Charts {

    private static final int LABEL = 110;
    private static final int BAR = 220;
    private static final int ROW = 26;

    private Charts() {
    }

    /**
     * Per-class participation: one bar per class, as much of it filled as took part, with the class's quorum marked.
     * Works from the tally as shown (also while results are hidden: participation is public then).
     */
    static String classParticipation(String id, List<TallyJson.ClassJson> classes, Map<String, String> classNames, Figures fig,
                                     Words words) {
        List<String> said = new ArrayList<>();
        int height = ROW * classes.size() + 8;
        for (TallyJson.ClassJson c : classes) {
            said.add(words.say(c.quorumMet() ? "chart.participation.classMet" : "chart.participation.classNotMet",
                    classNames.getOrDefault(c.classId(), c.classId()), c.participation() == null
                            ? words.say("chart.participation.noElectorate") : fig.percent(c.participation()), fig.percent(c.quorum())));
        }
        Svg svg = Svg.chart(id, LABEL + BAR + 70, height, words.say("chart.participation.title"),
                words.say("chart.participation.desc", String.join("; ", said)));
        int y = 4;
        for (TallyJson.ClassJson c : classes) {
            String name = classNames.getOrDefault(c.classId(), c.classId());
            double share = c.participation() == null ? 0 : clamp(new BigDecimal(c.participation()));
            svg.text(LABEL - 8, y + 15, name, "end", "chart-label");
            svg.rect(LABEL, y + 4, BAR, 14, "chart-track");
            svg.rect(LABEL, y + 4, BAR * share, 14, c.quorumMet() ? "chart-fill" : "chart-fill chart-short",
                    name + ": " + fig.percent(c.participation()) + " (" + fig.exact(c.participation()) + ")");
            double q = LABEL + BAR * c.quorum() / 100.0;
            svg.line(q, y, q, y + 22, "chart-mark");
            svg.text(LABEL + BAR + 6, y + 15, fig.percent(c.participation()), "start", "chart-value");
            y += ROW;
        }
        return svg.toSvg();
    }

    /** A share between 0 and 1 for drawing (display only). */
    static double clamp(BigDecimal share) {
        return Math.max(0, Math.min(1, share.doubleValue()));
    }

    /** One point of a series: when, and the exact value then. */
    record Point(LocalDate on, BigDecimal value) {
    }


    /**
     * The cooperative's accepted points over time: the running total by the day the work was done, as a line; the
     * description lists each step. {@code daily} maps a day to the points accepted for work of that day.
     */
    static String pointsOverTime(String id, NavigableMap<LocalDate, BigDecimal> daily, Figures fig, Words words) {
        DateTimeFormatter date = words.dates("date", java.time.ZoneOffset.UTC);
        List<Point> running = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> day : daily.entrySet()) {
            total = total.add(day.getValue());
            running.add(new Point(day.getKey(), total));
        }
        List<String> said = running.stream().map(p -> date.format(p.on()) + ": " + fig.number(p.value())).toList();
        int width = 460, height = 170, left = 48, right = 12, top = 12, bottom = 28;
        Svg svg = Svg.chart(id, width, height, words.say("chart.points.title"),
                running.isEmpty() ? words.say("chart.points.none") : words.say("chart.points.desc", String.join("; ", said)));
        svg.line(left, top, left, height - bottom, "chart-axis").line(left, height - bottom, width - right, height - bottom, "chart-axis");
        if (running.isEmpty()) {
            return svg.text(width / 2.0, height / 2.0, words.say("chart.points.noneLabel"), "middle", "chart-muted").toSvg();
        }
        LocalDate first = running.get(0).on();
        LocalDate last = running.get(running.size() - 1).on();
        long days = Math.max(1, last.toEpochDay() - first.toEpochDay());
        double plotW = width - left - right, plotH = height - top - bottom;
        double max = Math.max(1e-9, total.doubleValue()); // display scale only
        double[] xy = new double[running.size() * 4];
        int k = 0;
        double previousY = height - bottom;
        for (Point p : running) {
            double x = running.size() == 1 ? left + plotW / 2 : left + plotW * (p.on().toEpochDay() - first.toEpochDay()) / days;
            double y = height - bottom - plotH * p.value().doubleValue() / max;
            // a step: the total holds until the next day with accepted work
            xy[k++] = x;
            xy[k++] = previousY;
            xy[k++] = x;
            xy[k++] = y;
            previousY = y;
        }
        svg.polyline(xy, "chart-line");
        svg.text(left - 4, top + 10, fig.number(total), "end", "chart-muted").text(left - 4, height - bottom, "0", "end", "chart-muted");
        svg.text(left, height - 8, date.format(first), "start", "chart-muted");
        if (!first.equals(last)) {
            svg.text(width - right, height - 8, date.format(last), "end", "chart-muted");
        }
        return svg.toSvg();
    }

    /**
     * How a currency's revenue was shared: one stacked bar per currency, a segment per member in proportion to their
     * earnings. {@code earnings} maps a currency to each member's (already named) total.
     */
    static String revenueShares(String id, SortedMap<String, ? extends SortedMap<String, BigDecimal>> earnings, Figures fig,
                                Words words) {
        List<String> said = new ArrayList<>();
        earnings.forEach((currency, byMember) -> {
            BigDecimal sum = byMember.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            List<String> parts = new ArrayList<>();
            byMember.forEach((name, amount) -> parts.add(name + " " + fig.number(amount) + " (" + share(amount, sum, fig) + ")"));
            said.add(currency + " " + fig.number(sum) + ": " + String.join(", ", parts));
        });
        int rowH = 44, width = 460;
        Svg svg = Svg.chart(id, width, Math.max(1, earnings.size()) * rowH + 6, words.say("chart.revenue.title"),
                earnings.isEmpty() ? words.say("chart.revenue.none") : words.say("chart.revenue.desc", String.join("; ", said)));
        int y = 4;
        for (Map.Entry<String, ? extends SortedMap<String, BigDecimal>> currency : earnings.entrySet()) {
            BigDecimal sum = currency.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            svg.text(0, y + 12, currency.getKey() + " " + fig.number(sum), "start", "chart-label");
            double x = 0;
            int n = 0;
            for (Map.Entry<String, BigDecimal> member : currency.getValue().entrySet()) {
                double w = sum.signum() == 0 ? 0 : width * clamp(member.getValue().divide(sum, 6, RoundingMode.HALF_EVEN));
                svg.rect(x, y + 18, w, 16, "chart-part chart-part-" + (n++ % 6),
                        member.getKey() + ": " + fig.number(member.getValue()) + " " + currency.getKey() + " (" + share(member.getValue(), sum, fig) + ")");
                x += w;
            }
            y += rowH;
        }
        if (earnings.isEmpty()) {
            svg.text(width / 2.0, 26, words.say("chart.revenue.noneLabel"), "middle", "chart-muted");
        }
        return svg.toSvg();
    }

    private static String share(BigDecimal part, BigDecimal whole, Figures fig) {
        return whole.signum() == 0 ? "" : fig.percent(part.divide(whole, 8, RoundingMode.HALF_EVEN));
    }

    /** One class's participation at an instant of the voting period, from the tally as of then. */
    record Sample(Instant at, String participation) {
    }

    /**
     * A class's participation over the voting period: the exact participation of the tally as of evenly spaced
     * instants from opening to closing (or now), as a step line with the quorum drawn across; times in the reader's zone.
     */
    static String participationOverTime(String id, String className, int quorum, List<Sample> samples, Figures fig, Words words,
                                        ZoneId zone) {
        DateTimeFormatter time = words.dates("dayTime", zone);
        List<String> said = samples.stream().map(s -> time.format(s.at()) + " " + fig.percent(s.participation())).toList();
        int width = 460, height = 150, left = 40, right = 12, top = 10, bottom = 26;
        Svg svg = Svg.chart(id, width, height, words.say("chart.overTime.title", className),
                words.say("chart.overTime.desc", className, fig.percent(quorum), String.join("; ", said)));
        double plotW = width - left - right, plotH = height - top - bottom;
        svg.line(left, top, left, height - bottom, "chart-axis").line(left, height - bottom, width - right, height - bottom, "chart-axis");
        double qy = height - bottom - plotH * quorum / 100.0;
        svg.line(left, qy, width - right, qy, "chart-mark").text(width - right, qy - 3, words.say("chart.overTime.quorum", fig.percent(quorum)), "end", "chart-muted");
        svg.text(left - 4, top + 8, "100 %", "end", "chart-muted").text(left - 4, height - bottom, "0", "end", "chart-muted");
        if (samples.isEmpty()) {
            return svg.toSvg();
        }
        long from = samples.get(0).at().getEpochSecond();
        long span = Math.max(1, samples.get(samples.size() - 1).at().getEpochSecond() - from);
        double[] xy = new double[samples.size() * 4];
        int k = 0;
        double previousY = height - bottom;
        for (Sample s : samples) {
            double x = left + plotW * (s.at().getEpochSecond() - from) / span;
            double y = height - bottom - plotH * (s.participation() == null ? 0 : clamp(new BigDecimal(s.participation())));
            xy[k++] = x;
            xy[k++] = previousY;
            xy[k++] = x;
            xy[k++] = y;
            previousY = y;
        }
        svg.polyline(xy, "chart-line");
        svg.text(left, height - 8, time.format(samples.get(0).at()), "start", "chart-muted")
                .text(width - right, height - 8, time.format(samples.get(samples.size() - 1).at()), "end", "chart-muted");
        return svg.toSvg();
    }

    /**
     * A board election's count for one class (issue 15): per round a group of bars, one per candidate (their votes
     * after that round's transfers), with the round's quota marked across the group; a legend names the candidates.
     * Words come from the page's bundle: {@code title}, {@code roundWord} ("Round") and {@code quotaWord} ("Quota");
     * the description lists every round's votes and quota in the reader's number format. {@code votes} holds, per
     * candidate, the votes per round as exact decimals ("" where a round has none).
     */
    static String electionRounds(String id, List<String> candidates, List<List<String>> votes, List<String> quotas,
                                 String title, String roundWord, String quotaWord, Figures fig) {
        int rounds = quotas.size();
        List<String> said = new ArrayList<>();
        double max = 1e-9; // display scale only
        for (int r = 0; r < rounds; r++) {
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < candidates.size(); c++) {
                String v = votes.get(c).get(r);
                if (v != null && !v.isEmpty()) {
                    parts.add(candidates.get(c) + " " + fig.number(v));
                    max = Math.max(max, new BigDecimal(v).doubleValue());
                }
            }
            max = Math.max(max, new BigDecimal(quotas.get(r)).doubleValue());
            said.add(roundWord + " " + (r + 1) + ": " + String.join(", ", parts) + "; " + quotaWord + " " + fig.number(quotas.get(r)));
        }
        int legendRows = (candidates.size() + 3) / 4;
        int width = 560, left = 48, right = 12, top = 12, plotH = 140, axis = 22;
        int height = top + plotH + axis + legendRows * 18 + 6;
        Svg svg = Svg.chart(id, width, height, title, title + ". " + String.join(". ", said) + ".");
        double bottom = top + plotH;
        svg.line(left, top, left, bottom, "chart-axis").line(left, bottom, width - right, bottom, "chart-axis");
        svg.text(left - 4, top + 10, fig.number(formatScale(max)), "end", "chart-muted").text(left - 4, bottom, "0", "end", "chart-muted");
        double groupW = (width - left - right) / (double) Math.max(1, rounds);
        double barW = Math.max(1, Math.min(16, (groupW - 6) / Math.max(1, candidates.size())));
        for (int r = 0; r < rounds; r++) {
            double x0 = left + r * groupW + 3;
            for (int c = 0; c < candidates.size(); c++) {
                String v = votes.get(c).get(r);
                if (v == null || v.isEmpty()) {
                    continue;
                }
                double h = plotH * new BigDecimal(v).doubleValue() / max;
                svg.rect(x0 + c * barW, bottom - h, barW, h, "chart-part chart-part-" + (c % 6),
                        candidates.get(c) + ", " + roundWord + " " + (r + 1) + ": " + fig.number(v) + " (" + v + ")");
            }
            double qy = bottom - plotH * new BigDecimal(quotas.get(r)).doubleValue() / max;
            svg.line(x0 - 2, qy, x0 + candidates.size() * barW + 2, qy, "chart-mark");
            svg.text(x0 + candidates.size() * barW / 2, bottom + 15, String.valueOf(r + 1), "middle", "chart-muted");
        }
        if (rounds > 0) {
            svg.text(width - right, top + 10, "— " + quotaWord, "end", "chart-muted");
        }
        double ly = bottom + axis + 4;
        for (int c = 0; c < candidates.size(); c++) {
            double lx = left + (c % 4) * 125;
            double y = ly + (c / 4) * 18;
            svg.rect(lx, y, 10, 10, "chart-part chart-part-" + (c % 6));
            svg.text(lx + 14, y + 9, candidates.get(c), "start", "chart-label");
        }
        return svg.toSvg();
    }

    /** The axis's top value, a display figure: the largest value drawn, as a plain decimal. */
    private static String formatScale(double max) {
        return new BigDecimal(max).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
