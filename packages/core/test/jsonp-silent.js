// A script that never calls back: what a page gets when a site answers a JSONP request with
// something else (loadJsonp.browser.test.ts).
void 0;
