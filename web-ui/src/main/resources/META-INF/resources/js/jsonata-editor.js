/*
 * The JSONata mapping editor in the browser: CodeMirror 5 (from the WebJar) inside the element of the Vaadin field
 * io.yunqiao.web.mapping.JsonataEditor. Loaded at runtime with @JavaScript("context://js/jsonata-editor.js"):
 * no npm build (docs/development.md, "不经 npm 的前端资源").
 *
 * To the server: a "jsonata-change" DOM event on the host element with detail {value, cursor}, 300 ms after typing
 * stops and on every blur (the blur also tells the server where the cursor is, so a field clicked in the field tree
 * lands there). From the server: host.$yq.setValue / setCursor / markError / clearError / setHints / refresh.
 * When CodeMirror cannot be loaded the same contract is kept by a plain textarea.
 * Browser tests may call host.yqSetValue(text): it sets the text and reports it at once.
 */
(function () {
  'use strict';
  if (window.yqJsonataEditor) {
    return;
  }
  var DEBOUNCE_MS = 300;
  var WAIT_FOR_CODEMIRROR_MS = 4000;

  /* JSONata highlighting: strings, numbers, $variables and $functions(), field paths, operators, comments. */
  function defineMode(CodeMirror) {
    if (CodeMirror.modes.jsonata) {
      return;
    }
    var keywords = /^(?:and|or|in|function)\b/;
    var atoms = /^(?:true|false|null)\b/;
    CodeMirror.defineMode('jsonata', function () {
      return {
        startState: function () { return { comment: false }; },
        token: function (stream, state) {
          if (state.comment) {
            if (stream.match(/^.*?\*\//)) { state.comment = false; } else { stream.skipToEnd(); }
            return 'comment';
          }
          if (stream.eatSpace()) { return null; }
          if (stream.match('/*')) { state.comment = true; return 'comment'; }
          var ch = stream.peek();
          if (ch === '"' || ch === "'") {
            stream.next();
            var escaped = false, next;
            while ((next = stream.next()) != null) {
              if (next === ch && !escaped) { break; }
              escaped = !escaped && next === '\\';
            }
            return 'string';
          }
          if (ch === '`') {
            stream.next();
            stream.skipTo('`') ? stream.next() : stream.skipToEnd();
            return 'variable';
          }
          if (stream.match(/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/)) { return 'number'; }
          if (stream.match(/^\$[\w$]*/)) {
            return stream.match(/^\s*\(/, false) ? 'builtin' : 'variable-2';
          }
          if (stream.match(keywords)) { return 'keyword'; }
          if (stream.match(atoms)) { return 'atom'; }
          if (stream.match(/^[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*/)) { return 'variable'; }
          if (stream.match(/^(?::=|!=|<=|>=|~>|\.\.|[-+*\/%=<>&!?:~^|.,;@#])/)) { return 'operator'; }
          if (stream.match(/^[\[\](){}]/)) { return 'bracket'; }
          stream.next();
          return null;
        },
        blockCommentStart: '/*',
        blockCommentEnd: '*/',
        closeBrackets: '()[]{}""\'\'``'
      };
    });
    CodeMirror.defineMIME('text/x-jsonata', 'jsonata');
  }

  function report(host, value, cursor) {
    host.dispatchEvent(new CustomEvent('jsonata-change', { detail: { value: value, cursor: cursor } }));
  }

  function debounced(fn) {
    var timer = null;
    var call = function () {
      clearTimeout(timer);
      timer = setTimeout(fn, DEBOUNCE_MS);
    };
    call.cancel = function () { clearTimeout(timer); };
    return call;
  }

  /* Offsets count UTF-16 code units on both sides (Java strings do too). */
  function withCodeMirror(host, state) {
    var CodeMirror = window.CodeMirror;
    defineMode(CodeMirror);
    host.innerHTML = '';
    var applying = false;
    var errorMarks = [];
    var shownError = null;
    var cm = CodeMirror(host, {
      value: state.value,
      mode: 'jsonata',
      lineNumbers: true,
      lineWrapping: true,
      indentUnit: 2,
      tabSize: 2,
      matchBrackets: true,
      autoCloseBrackets: true,
      gutters: ['yq-cm-error-gutter', 'CodeMirror-linenumbers'],
      extraKeys: {
        'Ctrl-Space': function (editor) { showHints(editor); },
        Tab: function (editor) { editor.replaceSelection('  '); }
      }
    });
    var send = function () {
      report(host, cm.getValue(), cm.indexFromPos(cm.getCursor()));
    };
    var later = debounced(send);
    cm.on('change', function () {
      if (!applying) { later(); }
    });
    cm.on('blur', function () { later.cancel(); send(); });

    function showHints(editor) {
      if (!editor.showHint || !state.hints.length) { return; }
      editor.showHint({
        completeSingle: false,
        hint: function (ed) {
          var cursor = ed.getCursor();
          var line = ed.getLine(cursor.line);
          var start = cursor.ch;
          while (start > 0 && /[\w$.\u00c0-\uffff]/.test(line.charAt(start - 1))) { start--; }
          var typed = line.slice(start, cursor.ch).toLowerCase();
          var list = state.hints.filter(function (h) {
            return h.text.toLowerCase().indexOf(typed) >= 0 || (h.label || '').toLowerCase().indexOf(typed) >= 0;
          }).slice(0, 200).map(function (h) {
            return { text: h.text, displayText: h.label ? h.text + '  ·  ' + h.label : h.text };
          });
          return { list: list, from: CodeMirror.Pos(cursor.line, start), to: cursor };
        }
      });
    }

    var api = {
      setValue: function (value) {
        value = value == null ? '' : value;
        if (value === cm.getValue()) { return; }
        var cursor = cm.indexFromPos(cm.getCursor());
        var error = shownError;
        applying = true;
        try { cm.setValue(value); } finally { applying = false; }
        cm.setCursor(cm.posFromIndex(Math.min(cursor, value.length)));
        /* setValue drops marks: an error the server reported for this text stays visible */
        if (error) { api.markError(error.line, error.column, error.message); }
      },
      setCursor: function (offset, focus) {
        cm.setCursor(cm.posFromIndex(offset));
        if (focus) { cm.focus(); }
      },
      markError: function (line, column, message) {
        api.clearError();
        shownError = { line: line, column: column, message: message };
        if (!line || line < 1 || line > cm.lineCount()) { return; }
        var lineIndex = line - 1;
        var text = cm.getLine(lineIndex);
        var from = Math.max(0, Math.min((column || 1) - 1, text.length));
        var to = Math.min(text.length, from + 1);
        if (to === from && from > 0) { from--; }
        var marker = document.createElement('span');
        marker.className = 'yq-cm-error-dot';
        marker.textContent = '\u25cf';
        marker.title = message || '';
        cm.setGutterMarker(lineIndex, 'yq-cm-error-gutter', marker);
        cm.addLineClass(lineIndex, 'background', 'yq-cm-error-line');
        var mark = cm.markText({ line: lineIndex, ch: from }, { line: lineIndex, ch: to },
          { className: 'yq-cm-error-mark', attributes: { title: message || '' } });
        errorMarks.push({ line: lineIndex, mark: mark });
      },
      clearError: function () {
        errorMarks.forEach(function (m) {
          m.mark.clear();
          cm.removeLineClass(m.line, 'background', 'yq-cm-error-line');
        });
        errorMarks = [];
        shownError = null;
        cm.clearGutter('yq-cm-error-gutter');
      },
      setHints: function (hints) { state.hints = hints || []; },
      setReadOnly: function (readOnly) { cm.setOption('readOnly', readOnly ? 'nocursor' : false); },
      refresh: function () { cm.refresh(); },
      cursor: function () { return cm.indexFromPos(cm.getCursor()); },
      value: function () { return cm.getValue(); },
      codeMirror: cm
    };
    return api;
  }

  function withTextarea(host, state) {
    host.innerHTML = '';
    var area = document.createElement('textarea');
    area.className = 'yq-jsonata-fallback';
    area.spellcheck = false;
    area.value = state.value;
    host.appendChild(area);
    var send = function () { report(host, area.value, area.selectionStart || 0); };
    var later = debounced(send);
    area.addEventListener('input', later);
    area.addEventListener('blur', function () { later.cancel(); send(); });
    var note = document.createElement('div');
    note.className = 'yq-jsonata-fallback-note';
    note.textContent = state.fallbackNote || '';
    host.appendChild(note);
    return {
      setValue: function (value) { if (area.value !== value) { area.value = value == null ? '' : value; } },
      setCursor: function (offset, focus) {
        area.setSelectionRange(offset, offset);
        if (focus) { area.focus(); }
      },
      markError: function (line, column, message) { area.title = message || ''; area.classList.add('yq-invalid'); },
      clearError: function () { area.title = ''; area.classList.remove('yq-invalid'); },
      setHints: function (hints) { state.hints = hints || []; },
      setReadOnly: function (readOnly) { area.readOnly = !!readOnly; },
      refresh: function () {},
      cursor: function () { return area.selectionStart || 0; },
      value: function () { return area.value; }
    };
  }

  window.yqJsonataEditor = {
    /*
     * Creates the editor in host (once; later calls only bring it up to date).
     * options: {value, hints: [{text, label}], error: {line, column, message} | null, fallbackNote}
     */
    init: function (host, options) {
      options = options || {};
      if (host.$yq) {
        host.$yq.setValue(options.value);
        host.$yq.setHints(options.hints);
        if (options.error) {
          host.$yq.markError(options.error.line, options.error.column, options.error.message);
        }
        return;
      }
      var state = { value: options.value || '', hints: options.hints || [], fallbackNote: options.fallbackNote };
      var pending = [];
      /* Calls made before the editor exists are replayed once it does. */
      host.$yq = {};
      ['setValue', 'setCursor', 'markError', 'clearError', 'setHints', 'setReadOnly', 'refresh'].forEach(
        function (name) {
          host.$yq[name] = function () {
            if (name === 'setValue') { state.value = arguments[0] == null ? '' : arguments[0]; return; }
            if (name === 'setHints') { state.hints = arguments[0] || []; return; }
            pending.push([name, Array.prototype.slice.call(arguments)]);
          };
        });
      (host.$yqQueue || []).forEach(function (call) { host.$yq[call[0]].apply(null, call[1]); });
      host.$yqQueue = [];
      host.yqSetValue = function (text) {
        host.$yq.setValue(text);
        report(host, text, text.length);
      };
      var started = Date.now();
      var build = function () {
        var api;
        if (window.CodeMirror && window.CodeMirror.defineMode) {
          api = withCodeMirror(host, state);
        } else if (Date.now() - started < WAIT_FOR_CODEMIRROR_MS) {
          setTimeout(build, 50);
          return;
        } else {
          api = withTextarea(host, state);
        }
        host.$yq = api;
        pending.forEach(function (call) { api[call[0]].apply(null, call[1]); });
        if (options.error) { api.markError(options.error.line, options.error.column, options.error.message); }
        /* A hidden host (a tab not shown yet) measures 0: CodeMirror redraws once it becomes visible. */
        if ('IntersectionObserver' in window) {
          new IntersectionObserver(function (entries) {
            if (entries.some(function (e) { return e.isIntersecting; })) { api.refresh(); }
          }).observe(host);
        }
      };
      build();
    }
  };
}());
