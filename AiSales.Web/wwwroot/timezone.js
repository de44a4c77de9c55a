// The browser's time zone (an IANA name such as Asia/Riyadh), for the server to show times as the person reads them
// (Infrastructure/ViewerTime.cs). Read on every page load, so a travelling phone follows its zone from the next page.
try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) document.cookie = `aisales-tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
} catch {
    // no Intl: times stay in UTC
}
