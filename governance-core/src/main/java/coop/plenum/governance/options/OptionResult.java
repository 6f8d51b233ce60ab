package coop.plenum.governance.options;

import coop.plenum.governance.voting.Ratio;

/**
 * One option's combined score S(o) = Σ w_c s_c(o) / Σ w_c over the classes in the combination ({@code null} when
 * there is none), and whether it may win (always under WEIGHTED; under EVERY_CLASS only with s_c(o) > 1/2 in every
 * class in the combination).
 */
public record OptionResult(String optionId, String label, Ratio score, boolean eligible) {
}
