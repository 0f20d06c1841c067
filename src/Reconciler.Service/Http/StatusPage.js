// The status page's script: StatusPage.cs inlines it into StatusPage.html under the per-response nonce (no separate request).
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("config").textContent);
  const MAX_ROWS = 1000;

  // Every word comes from the server (Http/StatusPageWords.cs, built from the one vocabulary): this script spells no state.
  const WORDS = config.words;
  const UNKNOWN = { label: null, tone: "warn", reason: "", filter: "", attention: true, rank: 99, drift: false, counts_failures: false };
  function stateOf(t) { return WORDS.states[t.state] || Object.assign({}, UNKNOWN, { label: t.state }); }
  // A chip matches a state's filter, or one of the flags a task carries beside its state.
  const FLAGS = { problems: t => isProblem(t), all: () => true, in_doubt: t => t.in_doubt === true, left_stopped: t => t.left_stopped === true, drifted: t => t.drifted === true };
  const FILTERS = WORDS.filters.map(([key, label]) => [key, label, t => stateOf(t).filter === key || (key in FLAGS && FLAGS[key](t))]);
  // The tool's own messages in Chinese (Http/StatusPageMessages.cs); the platform's words inside a message stay as sent.
  const RULES = (WORDS.messages || []).map(([pattern, replacement]) => [new RegExp(pattern, "g"), replacement]);
  function translate(message) { return message ? RULES.reduce((text, [re, replacement]) => text.replace(re, replacement), String(message)) : ""; }
  let filter = "problems";
  let search = "";
  let last = null;

  // The same escaping as the CLI's ControlText: control and bidi characters are shown, never obeyed.
  const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
  function esc(value) {
    if (value === null || value === undefined) return "";
    return String(value).replace(UNSAFE, c => {
      if (c === "\n") return "\\n";
      if (c === "\r") return "\\r";
      if (c === "\t") return "\\t";
      const code = c.charCodeAt(0);
      return code < 0x100 ? "\\x" + code.toString(16).toUpperCase().padStart(2, "0") : "\\u" + code.toString(16).toUpperCase().padStart(4, "0");
    });
  }

  // Every element is built with textContent: nothing from /status is ever parsed as HTML.
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = esc(text);
    if (className) node.className = className;
    return node;
  }
  function cell(row, content, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    if (content instanceof Node) td.appendChild(content); else td.textContent = esc(content);
    row.appendChild(td);
    return td;
  }
  function when(value) {
    if (!value) return "";
    const date = new Date(value);
    return isNaN(date) ? esc(value) : date.toLocaleString("zh-CN", { hour12: false });
  }
  function short(revision) { return revision ? String(revision).slice(0, 12) : "—"; }
  // An id shows its first characters (CSS); the element holds the whole id: the title shows it, a click copies it.
  function idText(value) {
    const span = el("span", value || "?", "id mono");
    span.title = esc(value) + "(点击复制)";
    span.dataset.copy = value || "";
    span.tabIndex = 0;
    span.setAttribute("role", "button");
    return span;
  }
  async function copy(span) {
    const text = span.dataset.copy;
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      const area = Object.assign(document.createElement("textarea"), { value: text });
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    span.dataset.copied = "true";
    document.getElementById("updated").replaceChildren("已复制 ", el("span", text, "mono"));
    setTimeout(() => { delete span.dataset.copied; }, 1500);
  }
  // Words from outside (git's, the database's), shown as sent and marked so: the page's own text is Chinese.
  function outside(text) {
    const span = el("span", text);
    span.dataset.outside = "true";
    return span;
  }
  function isProblem(t) { return stateOf(t).attention || t.in_doubt === true || t.left_stopped === true || t.drifted === true; }

  function stateBadge(t) {
    const span = document.createElement("span");
    const state = stateOf(t);
    span.appendChild(el("span", state.label, "state s-" + state.tone));
    if (t.in_doubt) span.appendChild(el("span", "结果未知", "state s-bad flag"));
    if (t.left_stopped) span.appendChild(el("span", "已停止待启动", "state s-warn flag"));
    if (t.drifted && !state.drift) span.appendChild(el("span", "已漂移", "state s-warn flag"));
    span.dataset.state = t.state;
    return span;
  }

  function reason(t) {
    const parts = [];
    const state = stateOf(t);
    if (state.reason) parts.push(state.reason + (state.counts_failures && t.failures ? "(已失败 " + t.failures + " 次)" : ""));
    if (t.in_doubt) parts.push("上次请求没有得到明确答复,已重新发送");
    if (t.left_stopped) parts.push("更新前已停止任务(stop_before_update),平台没有恢复接口,需要人工启动");
    return parts.join(";");
  }

  function fileLink(t, status) {
    if (!t.file) return document.createTextNode("—");
    const repoPath = (status.path ? status.path.replace(/\/+$/, "") + "/" : "") + t.file;
    const revision = (status.last_run && status.last_run.revision) || status.watched_revision || "";
    const template = config.repoWebUrl;
    if (template && /^https?:\/\//i.test(template) && revision) {
      const a = el("a", t.file, "mono");
      a.href = template
        .replace("{revision}", encodeURIComponent(revision))
        .replace("{path}", repoPath.split("/").map(encodeURIComponent).join("/"));
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      return a;
    }
    return el("span", t.file, "mono");
  }

  function renderFacts(status) {
    const facts = document.getElementById("facts");
    facts.replaceChildren();
    const add = (name, value, mono) => { facts.appendChild(el("dt", name)); facts.appendChild(el("dd", value, mono ? "mono" : "")); };
    add("仓库", status.repository, true);
    add("分支 / 目录", status.branch + " / " + (status.path || "(仓库根目录)"), true);
    add("监视的版本", status.watched_revision || "尚未成功获取", true);
    add("最近成功应用的版本", status.last_successful_revision || "—", true);
    add("最近获取", when(status.last_fetch_at) + (status.consecutive_fetch_failures ? "(连续失败 " + status.consecutive_fetch_failures + " 次)" : ""));
    add("就绪", status.ready ? "是" : "否(尚未成功获取仓库)");
    if (status.replica) {
      const r = status.replica;
      add("本副本", r.name + " — " + (WORDS.roles[r.role] || r.role) + (r.term ? ",任期 " + r.term : ""), false);
      const l = r.leader;
      add("主副本(负责应用)", l ? l.replica + "(" + l.host + ",进程 " + l.process_id + ",任期 " + l.term + (l.held ? "" : ",已失去锁") + ")" : "尚未选出", true);
    }
    if (status.sync_window) {
      const w = status.sync_window;
      add("同步窗口", w.windows + "(" + w.time_zone + "),现在" + (w.open ? "开启" : "关闭,下次开启 " + when(w.next_opening)));
    }
    document.getElementById("repo").textContent = esc(status.repository + " @ " + short(status.watched_revision));
  }

  function renderBanners(status) {
    const fetchError = document.getElementById("fetch-error");
    fetchError.classList.toggle("hidden", !status.last_fetch_error);
    fetchError.replaceChildren(...(status.last_fetch_error ? ["获取仓库失败,继续使用上一个成功的版本:", outside(status.last_fetch_error)] : []));
    const stateError = document.getElementById("state-error");
    stateError.classList.toggle("hidden", !status.state_error);
    stateError.replaceChildren(...(status.state_error ? ["状态存储不可用,不会发送任何请求:", outside(status.state_error)] : []));
    renderHold(status.hold);
    const windowNote = document.getElementById("window-note");
    const pending = status.sync_window && status.sync_window.pending_changes && !status.sync_window.open;
    windowNote.classList.toggle("hidden", !pending);
    windowNote.textContent = pending ? "有变更等待同步窗口开启:" + when(status.sync_window.next_opening) : "";
  }

  // A held revision (halted rollout, rollback). The contract's word, the threshold and the command stay as written
  // (monospace, like ids), so people can search for them; the sentence around them is the page's language.
  function renderHold(hold) {
    const note = document.getElementById("hold-note");
    note.classList.toggle("hidden", !hold);
    if (!hold) { note.replaceChildren(); return; }
    const mono = text => el("span", text, "mono");
    const h = hold.halt;
    const parts = hold.state === "halted" && h
      ? [mono("halted"), " 分批发布已暂停:版本 ", mono(short(hold.revision)), " 第 " + h.batch + "/" + h.batches + " 批 " + h.batch_tasks + " 个任务中 " + h.rejected + " 个被拒绝、" + h.failed + " 个失败,超过 ", mono(h.threshold), ";" + h.unsent + " 个任务没有发送(仍为计划中)。新版本或 ", mono("reconciler sync --resume"), " 之后继续。"]
      : [mono("rolled back to " + short(hold.rolled_back_to)), " 已回滚:版本 ", mono(short(hold.revision)), " 不再应用,直到分支移动或 ", mono("reconciler sync --resume"), "。"];
    note.replaceChildren(...parts, "(" + when(hold.at) + ")");
  }

  function outcomes(o) {
    if (!o) return "";
    return WORDS.outcomes.filter(([key]) => o[key]).map(([key, label]) => label + " " + o[key]).join(",") || "无变更";
  }
  // error: the run failed; partial: some task was refused, failed, blocked, invalid or cancelled; fine: neither.
  function verdict(run) {
    if (run.error) return "error";
    return WORDS.outcomes.some(([key, , partial]) => partial && run.outcomes && run.outcomes[key]) ? "partial" : "fine";
  }

  function renderRuns(status) {
    const body = document.querySelector("#runs tbody");
    body.replaceChildren();
    const runs = status.recent_runs && status.recent_runs.length ? status.recent_runs : (status.last_run ? [status.last_run] : []);
    if (runs.length === 0) {
      const row = document.createElement("tr");
      cell(row, "还没有运行").colSpan = 7;
      body.appendChild(row);
    }
    for (const run of runs) {
      const row = document.createElement("tr");
      const key = verdict(run);
      row.className = "run-" + key;
      row.dataset.verdict = key;
      cell(row, when(run.started_at));
      cell(row, WORDS.triggers[run.trigger] || run.trigger);
      cell(row, short(run.revision), "mono");
      cell(row, WORDS.runs[key], "verdict");
      cell(row, outcomes(run.outcomes) + (run.applied ? "" : "(未应用)"));
      cell(row, Math.round(run.duration_ms) + " 毫秒");
      cell(row, translate(run.error), run.error ? "s-bad" : "").dataset.outside = "true";
      body.appendChild(row);
    }
  }

  // The summary above everything: how many tasks need attention, one tile per problem state (and flag) with its count.
  function renderSummary(status) {
    const tasks = status.tasks || [];
    const tiles = document.getElementById("tiles");
    tiles.replaceChildren();
    const tile = (key, label, count, tone) => {
      const button = el("button", label, "tile t-" + tone);
      button.type = "button";
      button.dataset.filter = key;
      button.prepend(el("span", String(count), "n"));
      button.addEventListener("click", () => { filter = key; render(); document.getElementById("h-tasks").scrollIntoView(); });
      tiles.appendChild(button);
    };
    const problems = tasks.filter(isProblem).length;
    tile("problems", problems ? "需处理" : "全部正常", problems, problems ? "bad" : "ok");
    const counts = new Map();
    for (const t of tasks.filter(t => stateOf(t).attention)) counts.set(t.state, (counts.get(t.state) || 0) + 1);
    [...counts].sort((a, b) => (WORDS.states[a[0]] || UNKNOWN).rank - (WORDS.states[b[0]] || UNKNOWN).rank).forEach(([word, count]) => {
      const state = stateOf({ state: word });
      tile(state.filter || "problems", state.label, count, state.tone);
    });
    for (const [key, label] of WORDS.filters.filter(([key]) => key in FLAGS && !["problems", "all"].includes(key))) {
      const count = tasks.filter(t => FLAGS[key](t) && stateOf(t).filter !== key).length;
      if (count) tile(key, label, count, "warn");
    }
    document.getElementById("summary-total").textContent = "(共 " + tasks.length + " 个任务)";
    const last = document.getElementById("last-run");
    const run = status.last_run;
    last.className = "last-run" + (run ? " run-" + verdict(run) : "");
    last.replaceChildren(...(run
      ? [esc("最近运行:" + when(run.started_at) + " · " + (WORDS.triggers[run.trigger] || run.trigger) + " · " + WORDS.runs[verdict(run)] + " · " + outcomes(run.outcomes)), ...audit(run.audit), ...(run.error ? [" · ", outside(translate(run.error))] : [])]
      : ["还没有运行"]));
  }

  // Who the revision came from (names are GitHub's: shown as text, never markup).
  function audit(a) {
    if (!a) return [];
    if (a.pull_request == null) return [" · 直接推送(无拉取请求)"];
    const approved = a.approved_by && a.approved_by.length ? a.approved_by.join(", ") : "无";
    return [" · ", outside("#" + a.pull_request + " 由 " + (a.merged_by || "?") + " 合并,批准:" + approved)];
  }

  function renderChips(tasks) {
    const chips = document.getElementById("chips");
    chips.replaceChildren();
    for (const [key, label, test] of FILTERS) {
      const count = tasks.filter(test).length;
      if (count === 0 && !["problems", "all", filter].includes(key)) continue;
      const button = el("button", label, "chip");
      button.type = "button";
      button.dataset.filter = key;
      button.setAttribute("aria-pressed", String(key === filter));
      button.appendChild(el("span", String(count), "n"));
      button.addEventListener("click", () => { filter = key; render(); });
      chips.appendChild(button);
    }
  }

  function renderTasks(status) {
    const tasks = status.tasks || [];
    const test = (FILTERS.find(f => f[0] === filter) || FILTERS[0])[2];
    const needle = search.trim().toLowerCase();
    const shown = tasks.filter(t => test(t) && (!needle || [t.name, t.task_id, t.user_id, t.file].some(v => v && String(v).toLowerCase().includes(needle))));
    const body = document.querySelector("#tasks tbody");
    const rows = document.createDocumentFragment();
    for (const t of shown.slice(0, MAX_ROWS)) {
      const row = document.createElement("tr");
      row.dataset.state = t.state;
      row.dataset.taskId = t.task_id || "";
      cell(row, stateBadge(t));
      const name = el("div", t.name || "(无名称)");
      if (t.name) name.dataset.outside = "true";
      const id = el("div", null, "ids mono muted");
      id.append(idText(t.user_id), " / ", idText(t.task_id));
      const who = document.createElement("div");
      who.append(name, id);
      cell(row, who);
      cell(row, fileLink(t, status));
      const why = document.createElement("div");
      why.appendChild(el("div", reason(t)));
      if (t.errors && t.errors.length) {
        const list = el("ul", null, "errors mono");
        for (const error of t.errors) list.appendChild(el("li", error));
        why.appendChild(list);
      }
      cell(row, why);
      const code = t.api_code !== null && t.api_code !== undefined && (t.message || t.api_code !== 200) ? "[" + t.api_code + "] " : "";
      cell(row, code + translate(t.message)).dataset.outside = "true";
      cell(row, when(t.last_attempt_at));
      cell(row, when(t.retry_at));
      rows.appendChild(row);
    }
    if (shown.length === 0) {
      const row = document.createElement("tr");
      cell(row, filter === "problems" && !needle ? "没有需要处理的任务" : "没有符合筛选条件的任务").colSpan = 7;
      rows.appendChild(row);
    }
    body.replaceChildren(rows);
    document.getElementById("task-count").textContent = "(共 " + tasks.length + " 个,显示 " + Math.min(shown.length, MAX_ROWS) + " 个)";
    const truncated = document.getElementById("truncated");
    truncated.classList.toggle("hidden", shown.length <= MAX_ROWS);
    truncated.textContent = shown.length > MAX_ROWS ? "还有 " + (shown.length - MAX_ROWS) + " 个任务未显示,请使用筛选或搜索。" : "";
  }

  function renderPullRequests(status) {
    const prs = status.pull_requests || [];
    document.getElementById("prs-section").classList.toggle("hidden", prs.length === 0);
    const body = document.querySelector("#prs tbody");
    body.replaceChildren();
    for (const pr of prs) {
      const row = document.createElement("tr");
      if (pr.comment_url && /^https?:\/\//i.test(pr.comment_url)) {
        const a = el("a", "#" + pr.number);
        a.href = pr.comment_url;
        a.rel = "noopener noreferrer";
        cell(row, a);
      } else {
        cell(row, "#" + pr.number);
      }
      cell(row, short(pr.head_sha), "mono");
      cell(row, when(pr.planned_at));
      cell(row, translate(pr.summary));
      cell(row, translate(pr.error), pr.error ? "s-bad" : "").dataset.outside = "true";
      body.appendChild(row);
    }
  }

  function render() {
    if (!last) return;
    renderFacts(last);
    renderBanners(last);
    renderSummary(last);
    renderRuns(last);
    renderChips(last.tasks || []);
    renderTasks(last);
    renderPullRequests(last);
  }

  async function refresh() {
    try {
      const response = await fetch("status?order=problems", { cache: "no-store", headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error("HTTP " + response.status);
      last = await response.json();
      render();
      document.getElementById("updated").textContent = "更新于 " + new Date().toLocaleTimeString("zh-CN", { hour12: false });
      document.body.dataset.loaded = "true";
    } catch (error) {
      document.getElementById("updated").textContent = esc("无法获取状态(" + error.message + "),稍后重试");
    }
  }

  // Without any CJK font every label is a box: two different characters then draw the same. Said in English, the one
  // text such a machine can show (docs/service.md lists the font packages).
  function cjkFontMissing() {
    const context = document.createElement("canvas").getContext("2d");
    if (!context) return false;
    const draw = text => {
      context.clearRect(0, 0, 40, 24);
      context.font = "16px " + getComputedStyle(document.body).fontFamily;
      context.fillText(text, 0, 18);
      return context.getImageData(0, 0, 40, 24).data.join(",");
    };
    return draw("任") === draw("务");
  }
  if (cjkFontMissing()) {
    const banner = document.getElementById("font-missing");
    banner.textContent = "No Chinese font on this machine: the page's text shows as boxes. Install one (Debian/Ubuntu: fonts-noto-cjk or fonts-wqy-zenhei) and reload.";
    banner.classList.remove("hidden");
  }

  document.addEventListener("click", event => { const id = event.target.closest && event.target.closest(".id"); if (id) copy(id); });
  document.addEventListener("keydown", event => { if (event.key === "Enter" && event.target.classList && event.target.classList.contains("id")) copy(event.target); });
  document.getElementById("search").addEventListener("input", event => { search = event.target.value; renderTasks(last || { tasks: [] }); });
  document.getElementById("every").textContent = String(config.refreshSeconds);
  refresh();
  setInterval(refresh, config.refreshSeconds * 1000);
})();
