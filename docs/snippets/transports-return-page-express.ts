// Express: let uploads read TwentyThree's redirect to your return page (/upload/callback).
// After the cross-origin 301 the browser sends `Origin: null` and preflights again; it hands the
// final URL (with photo_id, token, …) to the upload only if the page allows it.
import express from "express";

const app = express();

app.options("/upload/callback", (_request, response) => {
  response.set({ "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET" });
  response.set("Access-Control-Max-Age", "600").sendStatus(204);
});
app.get("/upload/callback", (_request, response, next) => {
  // Safe only because this page is your public app shell: it renders no private data.
  response.set("Access-Control-Allow-Origin", "*");
  next(); // on to whatever serves your app's index.html
});

app.listen(3000, "127.0.0.1");
