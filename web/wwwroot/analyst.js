// Frame upload with progress: a register extract can be tens of megabytes. With JavaScript the file is sent with XMLHttpRequest,
// so that the browser can report how much has been sent, and then Distribution's import (all or nothing) is awaited; the page
// that the web app redirects to (the frame, or the list of bad lines) is then opened. Without JavaScript the form posts as it is.
(function () {
    // Forms already given the handler. Not a data attribute: Blazor's enhanced navigation keeps the form element (and its
    // listener) but resets its attributes to the server's HTML, and a second listener would send the file twice.
    var enhanced = new WeakSet();
    function enhance(form) {
        if (enhanced.has(form)) return;
        enhanced.add(form);
        form.addEventListener('submit', function (event) {
            var input = form.querySelector('input[type=file]');
            if (!input || !input.files || input.files.length === 0 || !window.XMLHttpRequest || !window.FormData) return;
            event.preventDefault();
            event.stopImmediatePropagation();
            var status = form.querySelector('[data-upload-status]');
            var bar = form.querySelector('progress');
            var button = form.querySelector('button[type=submit]');
            status.hidden = false;
            bar.hidden = false;
            button.disabled = true;
            var xhr = new XMLHttpRequest();
            xhr.open('POST', form.action);
            xhr.upload.addEventListener('progress', function (e) {
                if (!e.lengthComputable) return;
                var percent = Math.round(100 * e.loaded / e.total);
                bar.value = percent;
                status.textContent = form.dataset.sending.replace('{0}', percent);
            });
            xhr.upload.addEventListener('load', function () {
                bar.removeAttribute('value');
                status.textContent = form.dataset.importing;
            });
            // XMLHttpRequest follows the redirect but drops its #fragment: go back to the form's own section.
            var section = form.closest('section[id]');
            xhr.addEventListener('load', function () {
                window.location.assign((xhr.responseURL || form.action) + (section ? '#' + section.id : ''));
            });
            xhr.addEventListener('error', function () {
                status.textContent = form.dataset.failed;
                button.disabled = false;
            });
            xhr.send(new FormData(form));
        }, true);
    }
    function enhanceAll() { document.querySelectorAll('form[data-upload-progress]').forEach(enhance); }
    enhanceAll();
    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', enhanceAll);
    }
})();
