/**
 * The inline script every page carries (with the response's nonce), after Remix's: registers
 * /sw.js once the page has loaded, then tells the worker the page's language and, when the
 * worker did not serve this page (the first visit), asks it to keep the page and its files.
 * It is plain ES5-ish text, not a module, so pages that load their scripts on first use
 * (decision 034) register the worker on the first visit all the same. Offline, a click on a
 * link of this site is left to the browser (a document load, which the worker serves from the
 * cache) instead of a client navigation whose data and route modules may not be kept.
 * Its gzip size counts against the first-load budget (tests/e2e/budget.test.ts).
 */
export const REGISTER_SCRIPT =
  '(function(){if(!("serviceWorker"in navigator))return;var sw=navigator.serviceWorker,keep=!sw.controller;' +
  'addEventListener("load",function(){sw.register("/sw.js",{scope:"/"}).then(function(){return sw.ready}).then(function(r){' +
  'var f=[];document.querySelectorAll("img[src],track[src],video[poster],link[rel=stylesheet]").forEach(function(e){f.push(e.src||e.poster||e.href)});' +
  'r.active&&r.active.postMessage({type:"page",url:location.href,lang:document.documentElement.lang,keep:keep,files:f})}).catch(function(){})});' +
  'addEventListener("click",function(e){if(navigator.onLine||e.defaultPrevented||e.button||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;' +
  'var a=e.target.closest&&e.target.closest("a[href]");' +
  'if(a&&a.origin===location.origin&&!a.target&&!a.hasAttribute("download"))e.stopPropagation()},true)})()';
