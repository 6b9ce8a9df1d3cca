// Focus after an enhanced page update (a form post or a link followed without a full page load): to the error summary when a
// form was refused, so that a screen reader reads what is wrong and the keyboard starts there. Without JavaScript the browser
// loads the whole page and the summary's autofocus does the same. Blazor's FocusOnNavigate handles the h1 on other navigations.
(function () {
    function focusErrorSummary() {
        var summary = document.querySelector('.error-summary');
        if (summary) summary.focus();
    }
    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', function () { requestAnimationFrame(focusErrorSummary); });
    }
})();
