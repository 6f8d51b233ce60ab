// A secret vote's receipt check, in the browser only: the tag is SHA-256 of the receipt secret (docs/secret-ballots.md),
// looked for in the revealed ballots the page already holds whole. Nothing about it is sent to the server.
(function () {
    var panel = document.getElementById('revealed-ballots');
    if (!panel) {
        return;
    }
    var button = document.getElementById('check-receipt');
    var input = document.getElementById('check-secret');
    var result = document.getElementById('check-result');
    var DOMAIN = 'plenum secret ballot receipt v1';

    function hex(buffer) {
        return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
            return ('0' + b.toString(16)).slice(-2);
        }).join('');
    }

    button.addEventListener('click', function () {
        if (!window.crypto || !window.crypto.subtle) {
            result.textContent = panel.getAttribute('data-unavailable');
            return;
        }
        var secret = input.value.trim();
        var text = DOMAIN + '\n' + panel.getAttribute('data-proposal') + '\n' + secret;
        window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (digest) {
            var tag = hex(digest);
            var rows = panel.querySelectorAll('tr[data-tag]');
            var found = null;
            rows.forEach(function (row) {
                row.classList.remove('highlight');
                if (row.getAttribute('data-tag') === tag) {
                    found = row;
                }
            });
            if (found) {
                found.classList.add('highlight');
                result.textContent = panel.getAttribute('data-found') + ' '
                    + found.querySelector('[data-field="ballot"]').textContent;
                result.setAttribute('data-outcome', 'found');
            } else {
                result.textContent = panel.getAttribute('data-not-found');
                result.setAttribute('data-outcome', 'not-found');
            }
        });
    });
})();
