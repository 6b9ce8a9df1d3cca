// Focus after an enhanced page update (a form post or a link followed without a full page load). Blazor's FocusOnNavigate
// only acts when the path changes, so it misses a form post that redirects to a page on the same path (page 1 to page 2 of
// the questionnaire, both /svara/enkat) or to another page (/svara to /svara/enkat, depending on the Blazor version).
// - A refused form: the error summary, so that a screen reader reads what is wrong and the keyboard starts there.
// - A new page (the address changed, or a form was sent and the page answered with new content such as a receipt): the
//   page's h1[tabindex=-1], so that a screen reader starts reading at the new page's heading.
//   (Residents' pages only.)
// - Anything else (a streamed update of the same page): focus stays where the user is.
// Without JavaScript the browser loads the whole page, and the error summary's autofocus does the same.
(function () {
    var lastAddress = location.href;
    var formSent = false;

    document.addEventListener('submit', function () { formSent = true; }, true);

    function focusAfterUpdate() {
        var changedPage = location.href !== lastAddress || formSent;
        lastAddress = location.href;
        formSent = false;

        var summary = document.querySelector('.error-summary');
        if (summary) {
            summary.focus();
            return;
        }
        if (!changedPage) return;
        // Only on the residents' pages: the staff pages keep Blazor's own behaviour.
        var heading = document.querySelector('.resident h1[tabindex="-1"]');
        // A link to a fragment (an error summary's link, a skip link) keeps the browser's own focus on its target.
        if (heading && !location.hash) heading.focus();
    }

    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', function () { requestAnimationFrame(focusAfterUpdate); });
    }
})();
