// Formats the tally's exact decimal strings for people the way the server's Figures class does ("6.200000" -> "6.2",
// "0.516129" -> "51.6 %"), in the locale the page was rendered for. Display only: decisions are exact on the server.
// exactly is the page's pattern for an exact value's title ("exactly {0}", from the bundles), English without one.
window.PlenumFigures = function (locale, exactly) {
  const numbers = new Intl.NumberFormat(locale || 'en', { maximumFractionDigits: 2 });
  const percents = new Intl.NumberFormat(locale || 'en', { maximumFractionDigits: 1 });
  return {
    number: function (decimal) { return decimal === null || decimal === undefined ? '' : numbers.format(Number(decimal)); },
    percent: function (decimal) {
      return decimal === null || decimal === undefined ? '' : percents.format(Number(decimal) * 100) + '\u00a0%';
    },
    exact: function (decimal) {
      return decimal === null || decimal === undefined ? '' : (exactly || 'exactly {0}').replace('{0}', decimal);
    }
  };
};
