// The Attendant chat widget. One tag adds it to a page: <script src="/widget.js" defer></script>
// No framework and no build step. It talks to POST /api/messages on the same origin (examples/web/server.py).
//
// Safety: nothing from a message or an article is ever parsed as HTML. Text goes into the page through
// text nodes only, and the small Markdown subset the bot writes (**bold**, "- " and "1. " lists, links)
// is built element by element, so "<script>" or "<img onerror=…>" shows as the characters typed.
(function () {
  "use strict";
  if (window.AttendantWidget) return;

  var script = document.currentScript;
  var cssHref = (script && script.getAttribute("data-css")) || new URL("widget.css", script ? script.src : location.href).href;
  var endpoint = (script && script.getAttribute("data-endpoint")) || "/api/messages";
  // Whether to ask "was this helpful?" is the library's decision (the reply's asksForFeedback: after an
  // answer, not after small talk); data-no-feedback="intent …" leaves the question out after more intents.
  var noFeedback = ((script && script.getAttribute("data-no-feedback")) || "").split(/\s+/).filter(Boolean);

  var STRINGS = {
    en: {
      open: "Chat with us", title: "Customer service", close: "Close chat", input: "Type your question",
      send: "Send", hello: "Hi! How can I help you?", you: "You", bot: "Assistant", typing: "The assistant is typing…",
      helpful: "Was this helpful?", yes: "Helpful", no: "Not helpful", failed: "Sorry, your message could not be sent.",
      offline: "No connection. Check your internet connection.", busy: "Too many messages. Please wait a moment.",
      retry: "Try again", handoff: "Passed to our team", reference: "Reference", team: "Team",
      expected: "A person will answer by", now: "A person will answer shortly.", connect: "Yes, connect me",
      decline: "No, thanks", options: "Topics", conversation: "Conversation"
    },
    hr: {
      open: "Razgovarajte s nama", title: "Korisnička podrška", close: "Zatvori razgovor", input: "Upišite svoje pitanje",
      send: "Pošalji", hello: "Pozdrav! Kako Vam mogu pomoći?", you: "Vi", bot: "Asistent", typing: "Asistent piše…",
      helpful: "Je li Vam ovo pomoglo?", yes: "Korisno", no: "Nije korisno", failed: "Nažalost, poruka nije poslana.",
      offline: "Nema veze. Provjerite internetsku vezu.", busy: "Previše poruka. Pričekajte trenutak.",
      retry: "Pokušaj ponovno", handoff: "Proslijeđeno našem timu", reference: "Broj zahtjeva", team: "Tim",
      expected: "Očekivani odgovor djelatnika:", now: "Djelatnik će Vam uskoro odgovoriti.", connect: "Da, povežite me",
      decline: "Ne, hvala", options: "Teme", conversation: "Razgovor"
    },
    vi: {
      open: "Chat với chúng tôi", title: "Hỗ trợ khách hàng", close: "Đóng trò chuyện", input: "Nhập câu hỏi của bạn",
      send: "Gửi", hello: "Xin chào! Tôi có thể giúp gì cho bạn?", you: "Bạn", bot: "Trợ lý", typing: "Trợ lý đang soạn tin…",
      helpful: "Thông tin này có hữu ích không?", yes: "Hữu ích", no: "Không hữu ích", failed: "Xin lỗi, không gửi được tin nhắn.",
      offline: "Mất kết nối. Vui lòng kiểm tra mạng.", busy: "Quá nhiều tin nhắn. Vui lòng đợi một lát.",
      retry: "Thử lại", handoff: "Đã chuyển cho đội ngũ hỗ trợ", reference: "Mã yêu cầu", team: "Nhóm",
      expected: "Nhân viên sẽ trả lời trước", now: "Nhân viên sẽ sớm trả lời bạn.", connect: "Có, kết nối tôi",
      decline: "Không, cảm ơn", options: "Chủ đề", conversation: "Cuộc trò chuyện"
    },
    tr: {
      open: "Bizimle sohbet edin", title: "Müşteri hizmetleri", close: "Sohbeti kapat", input: "Sorunuzu yazın",
      send: "Gönder", hello: "Merhaba! Size nasıl yardımcı olabilirim?", you: "Siz", bot: "Asistan", typing: "Asistan yazıyor…",
      helpful: "Bu yanıt yardımcı oldu mu?", yes: "Yardımcı oldu", no: "Yardımcı olmadı", failed: "Üzgünüz, mesajınız gönderilemedi.",
      offline: "Bağlantı yok. İnternet bağlantınızı kontrol edin.", busy: "Çok fazla mesaj. Lütfen biraz bekleyin.",
      retry: "Tekrar dene", handoff: "Ekibimize iletildi", reference: "Talep no.", team: "Ekip",
      expected: "Bir temsilci şu zamana kadar yanıt verecek:", now: "Bir temsilci birazdan yanıt verecek.", connect: "Evet, bağlayın",
      decline: "Hayır, teşekkürler", options: "Konular", conversation: "Sohbet"
    },
    id: {
      open: "Chat dengan kami", title: "Layanan pelanggan", close: "Tutup obrolan", input: "Ketik pertanyaan Anda",
      send: "Kirim", hello: "Halo! Ada yang bisa saya bantu?", you: "Anda", bot: "Asisten", typing: "Asisten sedang mengetik…",
      helpful: "Apakah jawaban ini membantu?", yes: "Membantu", no: "Tidak membantu", failed: "Maaf, pesan Anda tidak terkirim.",
      offline: "Tidak ada koneksi. Periksa koneksi internet Anda.", busy: "Terlalu banyak pesan. Mohon tunggu sebentar.",
      retry: "Coba lagi", handoff: "Diteruskan ke tim kami", reference: "Nomor referensi", team: "Tim",
      expected: "Petugas kami akan membalas paling lambat", now: "Petugas kami akan segera membalas.", connect: "Ya, hubungkan saya",
      decline: "Tidak, terima kasih", options: "Topik", conversation: "Percakapan"
    }
  };
  // What to send when the customer takes or declines the offer of a person, in the reply's language.
  var YES_NO = { en: ["yes", "no"], hr: ["da", "ne"], vi: ["có", "không"], tr: ["evet", "hayır"], id: ["ya", "tidak"] };

  function pageLanguage() {
    return (document.documentElement.getAttribute("lang") || "en").trim();
  }
  function primary(tag) {
    return (tag || "").split(/[-_]/)[0].toLowerCase();
  }
  function t(key) {
    return (STRINGS[primary(pageLanguage())] || STRINGS.en)[key];
  }
  function timeZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
    } catch (e) {
      return undefined;
    }
  }

  // ---- Elements -----------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }
  function button(className, text, onClick) {
    var node = el("button", className, text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  var SVG = "http://www.w3.org/2000/svg";
  function icon(path) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var p = document.createElementNS(SVG, "path");
    p.setAttribute("d", path);
    svg.appendChild(p);
    return svg;
  }

  // ---- Markdown subset: **bold**, "- " / "* " and "1. " lists, [text](https://…) and bare links -------

  var INLINE = /\*\*([^*]+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

  function safeHref(href) {
    try {
      var url = new URL(href, location.href);
      return /^(https?:|mailto:)$/.test(url.protocol) ? url.href : null;
    } catch (e) {
      return null;
    }
  }
  function link(text, href) {
    var a = el("a", null, text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer nofollow";
    return a;
  }
  function appendInline(parent, text) {
    var pattern = new RegExp(INLINE.source, "g"); // its own, since bold text recurses
    var last = 0;
    var match;
    while ((match = pattern.exec(text))) {
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (match[1] != null) {
        var strong = el("strong");
        appendInline(strong, match[1]);
        parent.appendChild(strong);
      } else if (match[2] != null) {
        var href = safeHref(match[3]);
        parent.appendChild(href ? link(match[2], href) : document.createTextNode(match[0]));
      } else {
        var bare = safeHref(match[4]);
        parent.appendChild(bare ? link(match[4], bare) : document.createTextNode(match[4]));
      }
      last = pattern.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }
  function renderMarkdown(text) {
    var fragment = document.createDocumentFragment();
    var blocks = String(text).replace(/\r\n?/g, "\n").split(/\n\s*\n/);
    blocks.forEach(function (block) {
      var lines = block.split("\n").filter(function (line) { return line.trim() !== ""; });
      var list = null;
      var paragraph = null;
      lines.forEach(function (line) {
        var bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
        var numbered = /^\s*(\d{1,3})[.)]\s+(.*)$/.exec(line);
        if (bullet || numbered) {
          var kind = bullet ? "ul" : "ol";
          if (!list || list.tagName.toLowerCase() !== kind) {
            list = el(kind);
            if (numbered && numbered[1] !== "1") list.start = Number(numbered[1]);
            fragment.appendChild(list);
          }
          var item = el("li");
          appendInline(item, bullet ? bullet[1] : numbered[2]);
          list.appendChild(item);
          paragraph = null;
        } else {
          list = null;
          if (paragraph) paragraph.appendChild(el("br"));
          else fragment.appendChild((paragraph = el("p")));
          appendInline(paragraph, line.trim());
        }
      });
    });
    return fragment;
  }

  // ---- The widget -----------------------------------------------------------------------------

  var root, launcher, panel, log, typing, form, input, sendButton, greeted = false, busy = false;
  var shownEscalations = {};

  function build() {
    if (!document.querySelector('link[data-attendant-widget]')) {
      var css = el("link");
      css.rel = "stylesheet";
      css.href = cssHref;
      css.setAttribute("data-attendant-widget", "");
      document.head.appendChild(css);
    }
    root = el("div", "attendant-widget");
    root.setAttribute("data-open", "false");

    launcher = button("attendant-launcher", null, function () { setOpen(root.getAttribute("data-open") !== "true"); });
    launcher.setAttribute("aria-controls", "attendant-panel");
    launcher.setAttribute("aria-expanded", "false");
    launcher.appendChild(icon("M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"));
    launcher.appendChild(el("span", "attendant-launcher-label", t("open")));

    panel = el("section", "attendant-panel");
    panel.id = "attendant-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "attendant-title");

    var header = el("header", "attendant-header");
    var title = el("h2", "attendant-title", t("title"));
    title.id = "attendant-title";
    var close = button("attendant-close", null, function () { setOpen(false); });
    close.setAttribute("aria-label", t("close"));
    close.appendChild(icon("M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"));
    header.appendChild(title);
    header.appendChild(close);

    log = el("div", "attendant-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", t("conversation"));
    log.tabIndex = 0; // so that keyboard users can scroll a long answer

    typing = el("div", "attendant-typing");
    typing.setAttribute("role", "status");
    typing.hidden = true;
    var dots = el("span", "attendant-dots");
    dots.setAttribute("aria-hidden", "true");
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    typing.appendChild(dots);
    typing.appendChild(el("span", "attendant-typing-text", t("typing")));

    form = el("form", "attendant-form");
    var label = el("label", "attendant-sr", t("input"));
    label.htmlFor = "attendant-input";
    input = el("textarea", "attendant-input");
    input.id = "attendant-input";
    input.rows = 1;
    input.maxLength = 2000;
    input.placeholder = t("input");
    input.setAttribute("autocomplete", "off");
    sendButton = el("button", "attendant-send");
    sendButton.type = "submit";
    sendButton.setAttribute("aria-label", t("send"));
    sendButton.appendChild(icon("M3 20.5v-17L22 12 3 20.5zm2-3 11.9-5.5L5 6.5v4l6 1.5-6 1.5v4z"));
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(sendButton);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submitInput();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submitInput();
      }
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        setOpen(false);
      }
    });

    panel.appendChild(header);
    panel.appendChild(log);
    panel.appendChild(typing);
    panel.appendChild(form);
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);
  }

  function setOpen(open) {
    root.setAttribute("data-open", String(open));
    launcher.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (open) {
      if (!greeted) {
        greeted = true;
        addBot({ text: t("hello"), type: "greeting" });
      }
      input.focus();
    } else {
      launcher.focus();
    }
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function addMessage(from, content) {
    var item = el("div", "attendant-message attendant-from-" + from);
    item.appendChild(el("span", "attendant-sr", (from === "customer" ? t("you") : t("bot")) + ": "));
    var bubble = el("div", "attendant-bubble");
    bubble.appendChild(content);
    item.appendChild(bubble);
    log.appendChild(item);
    scrollDown();
    return item;
  }

  function addCustomer(text) {
    // Plain text: whatever the customer typed is shown as typed.
    var body = el("p");
    body.textContent = text;
    addMessage("customer", body);
  }

  function removeAll(selector) {
    Array.prototype.forEach.call(log.querySelectorAll(selector), function (node) { node.remove(); });
  }

  function addBot(reply) {
    var item = addMessage("bot", renderMarkdown(reply.text));
    item.setAttribute("data-type", reply.type || "");
    if (reply.language) item.setAttribute("lang", reply.language);
    var language = reply.language || primary(pageLanguage());
    var options = reply.options || [];

    if (reply.escalation && reply.escalation.id && !shownEscalations[reply.escalation.id]) {
      shownEscalations[reply.escalation.id] = true;
      item.appendChild(handoffNotice(reply.escalation));
    }
    if (options.length) {
      var group = el("div", "attendant-options");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", t("options"));
      options.forEach(function (option, index) {
        // A clarification is answered with the option's number; a follow-up topic with its title.
        var send = reply.type === "clarify" ? String(index + 1) : option.title;
        group.appendChild(button("attendant-option", option.title, function () {
          disableGroup(group);
          sendMessage(send, option.title);
        }));
      });
      item.appendChild(group);
    }
    if (reply.type === "clarify" && (reply.reason === "out-of-scope" || reply.reason === "feedback")) {
      var words = YES_NO[language] || YES_NO.en;
      var offer = el("div", "attendant-options");
      offer.setAttribute("role", "group");
      offer.appendChild(button("attendant-option", t("connect"), function () { disableGroup(offer); sendMessage(words[0], t("connect")); }));
      offer.appendChild(button("attendant-option", t("decline"), function () { disableGroup(offer); sendMessage(words[1], t("decline")); }));
      item.appendChild(offer);
    }
    if (reply.asksForFeedback === true && noFeedback.indexOf(reply.intent) < 0) {
      removeAll(".attendant-feedback"); // feedback is about the last answer only
      item.appendChild(feedbackRow());
    }
    // A long answer is read from its start: scroll to its top rather than past it.
    if (item.offsetHeight > log.clientHeight) log.scrollTop = item.offsetTop - 8;
    else scrollDown();
  }

  function disableGroup(group) {
    Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) { b.disabled = true; });
    input.focus(); // a disabled button loses the focus: keep keyboard users in the conversation
  }

  function feedbackRow() {
    var row = el("div", "attendant-feedback");
    row.setAttribute("role", "group");
    var question = el("span", "attendant-feedback-question", t("helpful"));
    question.id = "attendant-feedback-" + Date.now();
    row.setAttribute("aria-labelledby", question.id);
    row.appendChild(question);
    row.appendChild(button("attendant-feedback-yes", t("yes"), function () { sendFeedback(true, row); }));
    row.appendChild(button("attendant-feedback-no", t("no"), function () { sendFeedback(false, row); }));
    return row;
  }

  function handoffNotice(escalation) {
    var notice = el("div", "attendant-handoff");
    notice.setAttribute("role", "note");
    notice.appendChild(el("strong", "attendant-handoff-title", t("handoff")));
    var assignment = escalation.assignment || {};
    var when = assignment.expectedFirstResponse ? new Date(assignment.expectedFirstResponse) : null;
    if (when && !isNaN(when.getTime())) {
      var line = el("p", "attendant-handoff-time");
      line.appendChild(document.createTextNode(t("expected") + " "));
      var time = el("time", null, localTime(when));
      time.dateTime = when.toISOString();
      line.appendChild(time);
      notice.appendChild(line);
    } else if (assignment.team) {
      notice.appendChild(el("p", "attendant-handoff-time", t("now")));
    }
    if (assignment.team) notice.appendChild(el("p", "attendant-handoff-team", t("team") + ": " + assignment.team));
    notice.appendChild(el("p", "attendant-handoff-reference", t("reference") + ": " + escalation.id));
    return notice;
  }

  function localTime(date) {
    try {
      return new Intl.DateTimeFormat(pageLanguage(), {
        weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
      }).format(date);
    } catch (e) {
      return date.toString();
    }
  }

  function setBusy(value) {
    busy = value;
    typing.hidden = !value;
    sendButton.disabled = value;
    if (value) scrollDown();
  }

  function submitInput() {
    var text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    sendMessage(text, text);
  }

  function sendMessage(text, shown) {
    addCustomer(shown);
    post({ type: "message", text: text, timeZone: timeZone(), pageLanguage: pageLanguage() });
  }

  function sendFeedback(helpful, row) {
    if (busy) return;
    disableGroup(row);
    row.querySelector(helpful ? ".attendant-feedback-yes" : ".attendant-feedback-no").setAttribute("aria-pressed", "true");
    post({ type: "feedback", helpful: helpful });
  }

  function post(payload) {
    removeAll(".attendant-error");
    setBusy(true);
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, 20000);
    fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(payload),
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) {
        return response.json().then(
          function (data) { return { response: response, data: data }; },
          function () { return { response: response, data: null }; }
        );
      })
      .then(function (result) {
        setBusy(false);
        if (result.response.ok && result.data && result.data.type) {
          addBot(result.data);
        } else {
          var status = result.response.status;
          showError(status === 429 ? t("busy") : (result.data && result.data.text) || t("failed"), payload);
        }
      })
      .catch(function () {
        setBusy(false);
        showError(navigator.onLine === false ? t("offline") : t("failed"), payload);
      })
      .then(function () {
        if (timer) clearTimeout(timer);
      });
  }

  function showError(message, payload) {
    var item = el("div", "attendant-error");
    item.setAttribute("role", "alert");
    item.appendChild(el("p", null, message));
    item.appendChild(button("attendant-retry", t("retry"), function () {
      item.remove();
      post(payload);
      input.focus();
    }));
    log.appendChild(item);
    scrollDown();
  }

  function start() {
    build();
    window.AttendantWidget = { open: function () { setOpen(true); }, close: function () { setOpen(false); } };
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
