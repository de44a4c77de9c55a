// The conversation view's "older messages" row, at the top of the list: while it is in view (or within 200 px of it),
// read the page before, and again after each page while it stays in view and older pages remain. A read that failed
// (the API busy, a 429) leaves older pages to read: tried again every 2 s while the row stays in view, since the
// observer only speaks when visibility changes. Returns an object whose dispose() stops watching.
export function watchTop(row, component) {
    let visible = false;
    let loading = false;
    let retry = 0;
    const load = async () => {
        if (loading) return;
        loading = true;
        try {
            let more = true;
            while (visible && more) {
                more = await component.invokeMethodAsync('LoadOlderAsync');
                await new Promise(requestAnimationFrame);
            }
        } catch {
            // the circuit went away or the call failed: the retry below decides
        } finally {
            loading = false;
        }
        clearTimeout(retry);
        retry = setTimeout(() => { if (visible && row.dataset.more === 'true') load(); }, 2000);
    };
    const observer = new IntersectionObserver(entries => {
        visible = entries[entries.length - 1].isIntersecting;
        if (visible && row.dataset.more === 'true') load();
    }, { root: row.parentElement, rootMargin: '200px 0px 0px 0px' });
    observer.observe(row);
    return { dispose: () => { visible = false; clearTimeout(retry); observer.disconnect(); } };
}
