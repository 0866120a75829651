// CloudFront Function (viewer request, cloudfront-js-2.0) on the website's behaviour: S3 knows only
// files, so a page address without an extension (/map, /admin/bands/) asks for its folder's index.html,
// as the local gateway serves it. Files (with an extension) and /api paths are left as they are.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.indexOf("/api/") === 0 || uri === "/api") {
    return request;
  }
  var last = uri.substring(uri.lastIndexOf("/") + 1);
  if (last.indexOf(".") !== -1) {
    return request;
  }
  request.uri = (uri.charAt(uri.length - 1) === "/" ? uri : uri + "/") + "index.html";
  return request;
}
