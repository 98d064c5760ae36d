// Copy buttons of Cite.astro (see there).
(function () {
  var live = document.querySelector('[data-copy-status]');
  function say(button, label, message) {
    button.textContent = label;
    // Emptied first, so the same message twice is announced twice.
    if (live) live.textContent = '';
    setTimeout(function () {
      if (live) live.textContent = message;
    }, 100);
    setTimeout(function () {
      button.textContent = 'Copy';
    }, 2000);
  }
  // Without the clipboard API (file:, old browsers): select the text and try the old command.
  function select(target) {
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy'));
    if (!target) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      // A code block is copied exactly (RIS ends with "ER  - ", trailing space and all).
      var text = target.tagName == 'PRE' ? target.textContent : target.textContent.trim();
      var name = button.getAttribute('data-copy-name');
      function done() {
        say(button, 'Copied', name + ' copied');
      }
      function fallback() {
        if (select(target)) done();
        else say(button, 'Copy', name + ' selected: press Ctrl+C or ⌘C to copy');
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else fallback();
    });
  });
  // Permalinks of headings and paragraphs: following one also copies its address.
  document.querySelectorAll('a[data-permalink]').forEach(function (link) {
    link.title = 'Copy the link to this passage';
    link.addEventListener('click', function () {
      var url = link.href;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () {
          if (live) live.textContent = '';
          setTimeout(function () {
            if (live) live.textContent = 'Link copied';
          }, 100);
        });
      }
    });
  });
})();
