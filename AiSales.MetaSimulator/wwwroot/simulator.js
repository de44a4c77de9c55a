// The customer's side of the AiSales demo. Plain JavaScript: the page talks to the simulator's own
// endpoints, which turn each action into a signed Meta webhook to the AiSales API.
const AiSalesSimulator = (() => {
  const arabic = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const ticks = { accepted: "✓", sent: "✓", delivered: "✓✓", read: "✓✓" };

  async function state() {
    const response = await fetch("/simulator/state");
    return response.ok ? response.json() : null;
  }

  function customerId(platform) {
    const key = `aisales-sim-customer-${platform}`;
    let id = localStorage.getItem(key);
    if (!id) {
      const digits = n => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");
      id = platform === "whatsapp" ? `9665${digits(8)}` : `${1 + Math.floor(Math.random() * 9)}${digits(15)}`;
      localStorage.setItem(key, id);
    }
    return id;
  }

  async function home() {
    const status = document.getElementById("shop-status");
    for (;;) {
      const s = await state();
      if (s) {
        if (s.dashboardUrl) document.getElementById("dashboard-link").href = s.dashboardUrl;
        if (s.apiReferenceUrl) document.getElementById("api-reference-link").href = s.apiReferenceUrl;
        if (s.consoleUrl) document.getElementById("console-link").href = s.consoleUrl;
        document.getElementById("console-email").textContent = s.demoOwnerEmail ?? "";
        document.getElementById("console-password").textContent = s.demoOwnerPassword ?? "";
        if (s.status === "ready") {
          status.textContent = `${s.shopName} is open: WhatsApp ${account(s, "whatsapp")}, Instagram ${account(s, "instagram")}.`;
          return;
        }
        status.textContent = `Preparing ${s.shopName ?? "the demo shop"}… ${s.error ?? ""}`;
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  }

  function account(s, platform) {
    return s.accounts.find(a => a.platform === platform)?.accountId ?? "—";
  }

  // The shop's "typing…" bubble (read + typing indicator, Instagram typing_on), until its next message.
  function typing(list, on) {
    let bubble = document.getElementById("typing");
    if (on && !bubble) {
      bubble = document.createElement("div");
      bubble.id = "typing";
      bubble.className = "bubble shop typing";
      bubble.textContent = "typing…";
      list.append(bubble);
      list.scrollTop = list.scrollHeight;
    } else if (!on && bubble) {
      bubble.remove();
    }
  }

  // Buttons, list rows or quick replies the shop offered; a tap sends the webhook Meta would (textContent: never HTML).
  // Product messages are cards (name, price, SKU): one for a single product, a column of them for a product list; a tap
  // adds that product to a cart and sends it.
  function choices(bubble, message, onTap) {
    const group = document.createElement("div");
    const products = message.choiceKind === "order";
    group.className = `choices ${message.choiceKind}` + (products ? (message.choices.length === 1 ? " single" : " product_list") : "");
    for (const choice of message.choices) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = products ? "choice product" : "choice";
      button.dataset.id = choice.id;
      const line = ([name, text]) => Object.assign(document.createElement("span"), { className: name, textContent: text });
      if (products) button.append(...[["name", choice.title], ["price", choice.description ?? ""], ["sku", choice.id]].map(line));
      else button.textContent = choice.title;
      if (choice.description && !products) button.title = choice.description;
      button.onclick = async () => {
        group.querySelectorAll("button").forEach(b => { b.disabled = true; });
        button.classList.add("chosen");
        await onTap(choice.id);
      };
      group.append(button);
    }
    bubble.append(group);
  }

  function render(list, message, onTap) {
    if (message.from === "shop") typing(list, false);
    let bubble = document.getElementById(`m-${message.id}`);
    if (!bubble) {
      bubble = document.createElement("div");
      bubble.id = `m-${message.id}`;
      bubble.className = `bubble ${message.from}`;
      const text = document.createElement("div");
      text.className = "text";
      text.textContent = message.text;
      const rtl = arabic.test(message.text);
      bubble.dir = rtl ? "rtl" : "ltr";
      if (rtl) bubble.classList.add("rtl");
      const meta = document.createElement("div");
      meta.className = "meta";
      meta.dir = "ltr";
      const time = document.createElement("span");
      time.textContent = new Date(message.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      meta.append(time);
      const tick = document.createElement("span");
      tick.className = message.from === "shop" ? "ticks" : "seen";
      meta.append(tick);
      if (message.imageUrl) {
        const image = document.createElement("img");
        image.className = "photo";
        image.src = message.imageUrl;
        image.alt = "📷";
        bubble.append(image);
      }
      bubble.append(text, meta);
      if (message.choices?.length) choices(bubble, message, onTap);
      list.append(bubble);
      list.scrollTop = list.scrollHeight;
    }
    bubble.dataset.status = message.status;
    const seen = bubble.querySelector(".seen");
    if (seen) seen.textContent = message.status === "read" ? "Seen" : "";
    const tick = bubble.querySelector(".ticks");
    if (tick) {
      tick.textContent = ticks[message.status] ?? "";
      tick.classList.toggle("read", message.status === "read");
      tick.title = message.status;
    }
  }

  async function chat() {
    const platform = new URLSearchParams(location.search).get("platform") === "instagram" ? "instagram" : "whatsapp";
    document.body.classList.add(platform);
    document.getElementById("channel-name").textContent = platform === "whatsapp" ? "WhatsApp" : "Instagram";
    document.getElementById("send-story-mention").hidden = platform !== "instagram";
    document.getElementById("send-cart").hidden = platform !== "whatsapp";
    const notice = document.getElementById("notice");
    const list = document.getElementById("messages");
    const id = customerId(platform);
    // ?account= chats with another registered business account than the demo shop's (the tests' own shops).
    const account = new URLSearchParams(location.search).get("account");
    const query = account ? `?account=${encodeURIComponent(account)}` : "";
    const base = `/simulator/chats/${platform}/${id}`;

    let s = await state();
    while (!s || s.status !== "ready") {
      notice.textContent = "The demo shop is still being prepared…";
      await new Promise(r => setTimeout(r, 1000));
      s = await state();
    }
    notice.textContent = "";
    document.getElementById("shop-name").textContent = s.shopName;

    const events = new EventSource(`${base}/events${query}`);
    const tap = id => post("tap", { id, customerName: name() });
    events.addEventListener("chat", e => {
      const event = JSON.parse(e.data);
      if (event.type === "typing" || event.type === "typing_off") typing(list, event.type === "typing");
      else render(list, event.message, tap);
    });

    async function post(path, body) {
      notice.textContent = "";
      const response = await fetch(`${base}/${path}${query}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body ?? {}),
      });
      const result = await response.json().catch(() => ({}));
      if (!response.ok) notice.textContent = result.detail ?? `The simulator answered ${response.status}.`;
      else if (result.apiStatus !== 200) notice.textContent = `The AiSales API answered ${result.apiStatus} to the webhook.`;
    }

    const name = () => document.getElementById("customer-name").value;
    const input = document.getElementById("text");
    document.getElementById("composer").addEventListener("submit", async e => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = "";
      await post("messages", { text, customerName: name() });
    });
    input.addEventListener("input", () => { input.dir = arabic.test(input.value) ? "rtl" : "auto"; });
    document.getElementById("send-image").onclick = () => post("image", { text: input.value.trim() || "هل عندكم مثل هذا؟", customerName: name() });
    document.getElementById("send-reaction").onclick = () => post("reaction", { text: "❤️", customerName: name() });
    document.getElementById("send-story-mention").onclick = () => post("story-mention", { customerName: name() });
    document.getElementById("send-duplicate").onclick = () => post("duplicate");
    document.getElementById("send-cart").onclick = () => post("cart", { customerName: name() });
    document.getElementById("send-batch").onclick = () => post("batch", {
      texts: input.value.trim() ? input.value.split("|").map(t => t.trim()) : ["مرحبا", "بكم الحقيبة السوداء؟"],
      customerName: name(),
    });
  }

  return { home, chat };
})();
