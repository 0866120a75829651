using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Reliability;

/// <summary>An operation of the OpenAPI document: its method, path template and parameters.</summary>
public sealed record Operation(string Method, string Template, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters)
{
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public override string ToString() => $"{Method} {Template}";

    /// <summary>Every operation of an OpenAPI document (<c>paths.*.{get,put,post,patch,delete}</c>).</summary>
    public static IEnumerable<Operation> Of(JsonNode document)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "put" or "post" or "patch" or "delete"))
            {
                var parameters = (item["parameters"]?.AsArray() ?? []).Concat(operation!["parameters"]?.AsArray() ?? []).ToList();
                yield return new Operation(method.ToUpperInvariant(), template,
                    [.. parameters.Where(p => p!["in"]!.GetValue<string>() == "path").Select(p => p!["name"]!.GetValue<string>())],
                    [.. parameters.Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>())]);
            }
        }
    }
}

/// <summary>The entities a run of the corpus aims at: its own, made for it, so that nothing else depends on them.</summary>
public sealed record Targets(string Festival, int Year, string Band, string Genre, string Role)
{
    /// <summary>The value of a path parameter: <c>{year}</c>, or <c>{key}</c> of the collection named just before it.</summary>
    public string ValueOf(string template, string parameter)
    {
        if (parameter == "year")
        {
            return Year.ToString(CultureInfo.InvariantCulture);
        }
        var segments = template.Split('/');
        var at = Array.FindIndex(segments, s => s.Contains($"{{{parameter}}}", StringComparison.Ordinal));
        return segments[at - 1] switch
        {
            "festivals" => Festival,
            "bands" => Band,
            "genres" => Genre,
            "roles" => Role,
            var other => throw new InvalidOperationException($"no target for {{{parameter}}} after '{other}' in {template}"),
        };
    }

    /// <summary>A valid body for a write of this template (the corpus then breaks it): what an editor would send.</summary>
    public JsonObject? ValidBody(Operation operation)
    {
        var t = operation.Template;
        var create = operation.Method == "POST";
        JsonObject? body = operation.Method switch
        {
            "GET" or "DELETE" => null,
            "PATCH" when t.Contains("/editions/", StringComparison.Ordinal) => new JsonObject { ["ticketPrice"] = 120.5 },
            "PATCH" => new JsonObject { ["name"] = "Renamed by the corpus" },
            _ when t.EndsWith("/validate", StringComparison.Ordinal) => new JsonObject { ["bandRefs"] = new JsonArray(Band) },
            _ when t.EndsWith("/invalidate", StringComparison.Ordinal) => new JsonObject { ["paths"] = new JsonArray("/api/genres"), ["reason"] = "corpus" },
            _ when t.Contains("/editions/", StringComparison.Ordinal) => Node(AdminRequests.Edition(Year, [Band])),
            _ when t.Contains("festivals", StringComparison.Ordinal) => Node(AdminRequests.Festival(create ? "corpus-new-festival" : Festival)),
            _ when t.Contains("bands", StringComparison.Ordinal) => Node(AdminRequests.Band(create ? "corpus-new-band" : Band, "Corpus Band", [Genre], [("Member", [Role])])),
            _ when t.Contains("genres", StringComparison.Ordinal) => new JsonObject { ["key"] = create ? "corpus-new-genre" : Genre, ["name"] = "Corpus Genre" },
            _ when t.Contains("roles", StringComparison.Ordinal) => new JsonObject { ["key"] = create ? "corpus-new-role" : Role, ["name"] = "Corpus Role", ["category"] = "string" },
            _ => throw new InvalidOperationException($"no body known for {operation}"),
        };
        return body;
    }

    private static JsonObject Node(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!.AsObject();
}

/// <summary>One bad request: what it is, and how to send it (the path and query exactly as written, never canonicalised).</summary>
public sealed record BadInput(string Name, Operation Operation, string Method, string PathAndQuery, byte[]? Body = null, string? ContentType = null,
    IReadOnlyList<(string Name, string Value)>? Headers = null, string? Key = AppFixture.AdminKey, bool Chunked = false)
{
    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public HttpRequestMessage ToRequest(Uri gateway)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method),
            new Uri(gateway.GetLeftPart(UriPartial.Authority) + PathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        if (Body is not null)
        {
            request.Content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        if (Key is not null)
        {
            request.Headers.TryAddWithoutValidation(RequestHeaders.ApiKey, Key);
        }
        foreach (var (name, value) in Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public override string ToString() => $"{Name}: {Method} {(PathAndQuery.Length > 120 ? PathAndQuery[..120] + "…" : PathAndQuery)}";
}

/// <summary>
/// Bad input for every operation of the OpenAPI documents (the one place the routes and their parameters are
/// listed): each path parameter, each query parameter, headers, keys, methods, and for writes the body —
/// its media type, encoding, size, syntax, and every field given a value of the wrong type or out of range.
/// Every case is refusable: a write case is never a valid write (wrong types, not merely unusual values).
/// </summary>
public static class BadInputCorpus
{
    private const string Raw = "\u0001raw\u0001";

    private static readonly string[] KeyValues =
    [
        "UPPER-Case", "a..b", "trail-", "%00", "%C0%AF", "%FF%FE", "%E2%80%AE", "%F0%9F%A4%98", "%2e%2e%2f%2e%2e", "a%2Fb", new string('a', 1000),
    ];

    private static readonly string[] YearValues = ["abc", "-1", "99999999999999999999", "2031.5", "%00", "%FF", "%EF%BC%92%EF%BC%90%EF%BC%93%EF%BC%91"];

    private static readonly string[] QueryValues =
    [
        "", "-1", "99999999999999999999", "%FF", "%00", new string('x', 4000),
    ];

    /// <summary>
    /// Every case for <paramref name="operations"/> (each version's document); queries, headers, bodies and methods only for
    /// <paramref name="full"/> (the first version's): a later version's endpoints share the same handlers, and differ
    /// only by path.
    /// </summary>
    public static IEnumerable<BadInput> For(IReadOnlyList<Operation> operations, Targets targets, bool full = true)
    {
        foreach (var operation in operations)
        {
            foreach (var input in PathCases(operation, targets))
            {
                yield return input;
            }
            if (!full)
            {
                continue;
            }
            foreach (var input in QueryCases(operation, targets).Concat(HeaderCases(operation, targets)))
            {
                yield return input;
            }
            if (operation.IsWrite)
            {
                foreach (var input in BodyCases(operation, targets))
                {
                    yield return input;
                }
            }
        }
        foreach (var input in full ? MethodCases(operations, targets) : [])
        {
            yield return input;
        }
    }

    private static string PathOf(Operation operation, Targets targets, string? parameter = null, string? value = null) =>
        operation.PathParameters.Aggregate(operation.Template, (path, p) =>
            path.Replace($"{{{p}}}", p == parameter ? value : targets.ValueOf(operation.Template, p), StringComparison.Ordinal));

    private static byte[]? BodyOf(Operation operation, Targets targets) =>
        targets.ValidBody(operation) is { } body ? Encoding.UTF8.GetBytes(body.ToJsonString()) : null;

    private static string MediaTypeOf(Operation operation) => operation.Method == "PATCH" ? MediaTypes.MergePatch : MediaTypes.Json;

    /// <summary>Each path parameter replaced by a value it cannot take (the rest, and the body, valid).</summary>
    private static IEnumerable<BadInput> PathCases(Operation operation, Targets targets) =>
        operation.PathParameters.SelectMany(parameter => (parameter == "year" ? YearValues : KeyValues).Select(value =>
            new BadInput($"path {{{parameter}}}={Short(value)}", operation, operation.Method, PathOf(operation, targets, parameter, value),
                BodyOf(operation, targets), MediaTypeOf(operation))));

    private static IEnumerable<BadInput> QueryCases(Operation operation, Targets targets)
    {
        var path = PathOf(operation, targets);
        foreach (var parameter in operation.QueryParameters)
        {
            foreach (var value in QueryValues)
            {
                yield return new BadInput($"query {parameter}={Short(value)}", operation, operation.Method, $"{path}?{parameter}={value}", Key: null);
            }
            yield return new BadInput($"query {parameter} twice", operation, operation.Method, $"{path}?{parameter}=1&{parameter}=2", Key: null);
            yield return new BadInput($"query {parameter}[]", operation, operation.Method, $"{path}?{parameter}[]=1&{parameter}[a]=2", Key: null);
        }
        if (operation.Method == "GET")
        {
            // Beyond Kestrel's request line (8 KB): refused before any application code runs.
            yield return new BadInput("query of 20 KB", operation, "GET", $"{path}?{string.Join('&', Enumerable.Range(0, 2000).Select(i => $"p{i}=1"))}", Key: null);
            yield return new BadInput("query of 200 unknown parameters", operation, "GET", $"{path}?{string.Join('&', Enumerable.Range(0, 200).Select(i => $"z{i}=1"))}", Key: null);
        }
    }

    private static IEnumerable<BadInput> HeaderCases(Operation operation, Targets targets)
    {
        var path = PathOf(operation, targets);
        var body = BodyOf(operation, targets);
        var mediaType = MediaTypeOf(operation);
        if (operation.Method == "GET")
        {
            var isAdmin = operation.Template.StartsWith("/api/admin/", StringComparison.Ordinal);
            string? key = isAdmin ? AppFixture.AdminKey : null;
            yield return new BadInput("HEAD", operation, "HEAD", path, Key: key);
            yield return new BadInput("If-None-Match garbage", operation, "GET", path, Headers: [("If-None-Match", "garbage, W/, \"")], Key: key);
            yield return new BadInput("Accept: application/xml only", operation, "GET", path, Headers: [("Accept", "application/xml")], Key: key);
            yield return new BadInput("Accept-Encoding malformed", operation, "GET", path, Headers: [("Accept-Encoding", "gzip;q=x, br;q=-1, ;;")], Key: key);
            // Beyond Kestrel's 32 KB of request headers.
            yield return new BadInput("headers of 40 KB", operation, "GET", path, Headers: [("X-Padding", new string('h', 40 * 1024))], Key: key);
            yield return new BadInput("X-Api-Key of 10 KB", operation, "GET", path, Key: new string('k', 10 * 1024));
            if (isAdmin)
            {
                yield return new BadInput("no X-Api-Key", operation, "GET", path, Key: null);
                yield return new BadInput("unknown X-Api-Key", operation, "GET", path, Key: "not-a-key");
                yield return new BadInput("empty X-Api-Key", operation, "GET", path, Key: "");
            }
            yield break;
        }
        // Writes: a valid body, refused for its headers alone.
        yield return new BadInput("no X-Api-Key", operation, operation.Method, path, body, mediaType, Key: null);
        yield return new BadInput("unknown X-Api-Key", operation, operation.Method, path, body, mediaType, Key: "not-a-key");
        yield return new BadInput("empty X-Api-Key", operation, operation.Method, path, body, mediaType, Key: "");
        yield return new BadInput("X-Api-Key with spaces", operation, operation.Method, path, body, mediaType, Key: $" {AppFixture.AdminKey} x");
        yield return new BadInput("X-Api-Key of 10 KB", operation, operation.Method, path, body, mediaType, Key: new string('k', 10 * 1024));
        yield return new BadInput("read-only X-Api-Key", operation, operation.Method, path, body, mediaType, Key: AppFixture.ViewerKey);
        if (operation.Method == "DELETE")
        {
            yield return new BadInput("X-Api-Key without delete", operation, operation.Method, path, body, mediaType, Key: AppFixture.EditorKey);
        }
        if (operation.Template.EndsWith("/validate", StringComparison.Ordinal) || operation.Template.EndsWith("/invalidate", StringComparison.Ordinal))
        {
            yield break;
        }
        foreach (var ifMatch in new[] { "garbage", "W/\"1\"", "\"999999\"", "\"1\", \"999999\"", "\"" + new string('9', 2000) + "\"", "\"1.0\"" })
        {
            yield return new BadInput($"If-Match {Short(ifMatch)}", operation, operation.Method, path, body, mediaType, Headers: [("If-Match", ifMatch)]);
        }
    }

    private static IEnumerable<BadInput> BodyCases(Operation operation, Targets targets)
    {
        if (targets.ValidBody(operation) is not { } valid)
        {
            yield break;
        }
        var path = PathOf(operation, targets);
        var mediaType = MediaTypeOf(operation);
        var json = valid.ToJsonString();
        BadInput Text(string name, string text, string? contentType = null) => Bytes(name, Encoding.UTF8.GetBytes(text), contentType ?? mediaType);
        BadInput Bytes(string name, byte[] bytes, string? contentType) => new($"body: {name}", operation, operation.Method, path, bytes, contentType);

        // The media type and the encoding.
        yield return Bytes("none", [], null);
        yield return Text("JSON without Content-Type", json, contentType: null) with { ContentType = null };
        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/jsonx", ";;;" })
        {
            yield return Text($"as {contentType}", json, contentType);
        }
        yield return Bytes("UTF-16", Encoding.Unicode.GetBytes(json), mediaType);
        yield return Bytes("invalid UTF-8", Splice(json, [0xC3, 0x28]), mediaType);
        yield return Bytes("overlong UTF-8", Splice(json, [0xC0, 0xAF]), mediaType);
        yield return Bytes("UTF-8 surrogate bytes", Splice(json, [0xED, 0xA0, 0x80]), mediaType);
        yield return Text("lone surrogate escape", json.Insert(json.IndexOf(":\"", StringComparison.Ordinal) + 2, "\\uD800"));

        // The syntax.
        foreach (var (name, text) in new[]
        {
            ("empty", ""), ("unclosed", "{"), ("trailing comma", json[..^1] + ",}"), ("single quotes", "{'name':'x'}"), ("comment", "/* c */" + json),
            ("NaN", "{\"name\":NaN}"), ("array", "[]"), ("number", "123"), ("null", "null"), ("two documents", json + json),
            ("nested 10,000 deep", "{\"name\":" + new string('[', 10_000) + new string(']', 10_000) + "}"),
            ("nested 64 objects", string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "1" + new string('}', 64)),
            ("unknown field", json[..^1] + ",\"zzUnknown\":1}"),
            ("duplicate field", DuplicateFirst(json, valid)),
            ("number too large", json[..^1] + ",\"zzHuge\":1e400}"),
        })
        {
            yield return Text(name, text);
        }

        // The size: past the 256 KB limit, with and without a Content-Length.
        var big = Encoding.UTF8.GetBytes(json[..^1] + ",\"description\":\"" + new string('d', 300 * 1024) + "\"}");
        yield return Bytes("300 KB", big, mediaType);
        yield return Bytes("300 KB chunked", big, mediaType) with { Name = "body: 300 KB chunked", Chunked = true };
        if (operation.Method == "POST")
        {
            yield return Bytes("8 MB", Encoding.UTF8.GetBytes("{\"name\":\"" + new string('n', 8 * 1024 * 1024) + "\"}"), mediaType);
        }

        // Every field given a value it cannot take.
        foreach (var (field, replacement) in Fields(valid, "").SelectMany(f => WrongValues(f.Node).Select(r => (f.Path, r))))
        {
            var broken = valid.DeepClone().AsObject();
            Replace(broken, field, JsonValue.Create(Raw));
            yield return Text($"{field}={Short(replacement)}", broken.ToJsonString().Replace($"\"{Raw.Replace("\u0001", "\\u0001", StringComparison.Ordinal)}\"", replacement, StringComparison.Ordinal));
        }
    }

    /// <summary>Methods a path does not serve, and ones HTTP does not know: 405 (or, for the unknown, whatever but a 5xx).</summary>
    private static IEnumerable<BadInput> MethodCases(IReadOnlyList<Operation> operations, Targets targets)
    {
        foreach (var path in operations.GroupBy(o => o.Template))
        {
            var served = path.Select(o => o.Method).ToHashSet();
            var any = path.First();
            foreach (var method in new[] { "GET", "PUT", "POST", "PATCH", "DELETE", "TRACE" }.Where(m => !served.Contains(m)))
            {
                yield return new BadInput($"method {method}", any, method, PathOf(any, targets), method is "GET" or "TRACE" ? null : "{}"u8.ToArray(), MediaTypes.Json);
            }
        }
    }

    /// <summary>Every value in a body, with its path (<c>bands[0].size</c>).</summary>
    private static IEnumerable<(string Path, JsonNode Node)> Fields(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.Where(p => p.Value is not null))
                {
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    yield return (childPath, child!);
                    foreach (var inner in Fields(child!, childPath)) yield return inner;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is not { } item) continue;
                    yield return ($"{path}[{i}]", item);
                    foreach (var inner in Fields(item, $"{path}[{i}]")) yield return inner;
                }
                break;
        }
    }

    /// <summary>Raw JSON a field of this kind cannot take: another type, or a number out of every field's range.</summary>
    private static IEnumerable<string> WrongValues(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String when node.GetValue<string>() is var text => new[] { "12345", "{}", "[\"" + text + "\"]" }
            .Concat(DateOnly.TryParse(text, CultureInfo.InvariantCulture, out _) ? ["\"2031-13-45\"", "\"2031-02-30\"", "\"31/12/2031\""] : [])
            .Concat(text.StartsWith("http", StringComparison.Ordinal) ? ["\"javascript:alert(1)\"", "\"//no-scheme\"", "\"http://\""] : [])
            .Concat(text.Length == 3 && text.All(char.IsUpper) ? ["\"ZZZ\"", "\"EURO\""] : []),
        System.Text.Json.JsonValueKind.Number => ["\"12\"", "{}", "1e400", "-1e30", "123456789012345678901234567890"],
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => ["\"true\"", "1"],
        System.Text.Json.JsonValueKind.Array => ["\"x\"", "{}", "[" + string.Join(',', Enumerable.Repeat("1", 2000)) + "]"],
        System.Text.Json.JsonValueKind.Object => ["\"x\"", "[]"],
        _ => [],
    };

    private static void Replace(JsonObject root, string path, JsonNode replacement)
    {
        JsonNode parent = root;
        var steps = System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value).ToList();
        foreach (var step in steps.SkipLast(1))
        {
            parent = step.StartsWith('[') ? parent[int.Parse(step[1..^1], CultureInfo.InvariantCulture)]! : parent[step]!;
        }
        var last = steps[^1];
        if (last.StartsWith('['))
        {
            parent.AsArray()[int.Parse(last[1..^1], CultureInfo.InvariantCulture)] = replacement;
        }
        else
        {
            parent[last] = replacement;
        }
    }

    /// <summary>The body with its first field given twice, the second time with another valid-looking value.</summary>
    private static string DuplicateFirst(string json, JsonObject valid)
    {
        var (name, value) = valid.First();
        var other = value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? "\"" + value.GetValue<string>() + "-other\"" : "0";
        return json[..^1] + $",\"{name}\":{other}}}";
    }

    /// <summary>The JSON text with <paramref name="bytes"/> put inside its first string value.</summary>
    private static byte[] Splice(string json, byte[] bytes)
    {
        var at = json.IndexOf(":\"", StringComparison.Ordinal) + 2;
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. bytes, .. Encoding.UTF8.GetBytes(json[at..])];
    }

    private static string Short(string value) => value.Length > 24 ? $"{value[..12]}…({value.Length})" : value;
}
