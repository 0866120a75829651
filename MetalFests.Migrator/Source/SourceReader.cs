using System.Globalization;
using System.Text.Json;

namespace MetalFests.Migrator.Source;

/// <summary>A db.json that cannot be migrated as it is: every problem, each naming its record and field.</summary>
public sealed class SourceException(IReadOnlyList<string> problems)
    : Exception($"db.json cannot be migrated: {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads db.json strictly: a missing file, invalid JSON or a field of the wrong type is reported
/// (record and field named) before anything is written.
/// </summary>
public static class SourceReader
{
    public static SourceFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SourceException([$"file '{path}' does not exist"]);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new SourceException([$"'{path}' is not valid JSON: {e.Message}"]);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static SourceFile Read(JsonElement root)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SourceException(["the top level must be an object with 'festivals' and 'bands'"]);
        }
        var festivals = ReadArray(root, "festivals", problems, (e, i) => ReadFestival(e, i, problems));
        var bands = ReadArray(root, "bands", problems, (e, i) => ReadBand(e, i, problems));
        if (problems.Count > 0)
        {
            throw new SourceException(problems);
        }
        return new SourceFile(festivals, bands);
    }

    private static List<T> ReadArray<T>(JsonElement root, string name, List<string> problems, Func<JsonElement, int, T?> read) where T : class
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"'{name}' must be an array");
            return [];
        }
        var result = new List<T>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (read(element, index++) is { } value)
            {
                result.Add(value);
            }
        }
        return result;
    }

    private static SourceFestival? ReadFestival(JsonElement element, int index, List<string> problems)
    {
        var fields = new Fields(element, $"festivals[{index}]", problems);
        if (!fields.IsObject)
        {
            return null;
        }
        var key = fields.RequiredString("key");
        var start = fields.Date("dates.start");
        var end = fields.Date("dates.end");
        var lineup = fields.Array("bands", (band, path) =>
        {
            var lineupFields = new Fields(band, path, problems);
            return lineupFields.IsObject
                ? new SourceLineupBand(lineupFields.RequiredString("key", allowEmpty: true), lineupFields.RequiredString("name", allowEmpty: true), lineupFields.Int("size", 0, 3))
                : null;
        });
        var festival = new SourceFestival(index, key, fields.RequiredString("name"), start, end, fields.RequiredString("location"),
            fields.Number("coordinates.lat", -90, 90), fields.Number("coordinates.lng", -180, 180),
            fields.OptionalString("poster"), fields.OptionalString("website"), lineup, (decimal?)fields.Number("ticketPrice", 0, 1_000_000));
        if (end < start)
        {
            fields.Problem("dates.end", "is before dates.start");
        }
        return fields.Failed ? null : festival;
    }

    private static SourceBand? ReadBand(JsonElement element, int index, List<string> problems)
    {
        var fields = new Fields(element, $"bands[{index}]", problems);
        if (!fields.IsObject)
        {
            return null;
        }
        var band = new SourceBand(index,
            fields.RequiredString("key", allowEmpty: true), fields.RequiredString("name"), fields.OptionalString("country"),
            fields.OptionalString("description"), fields.OptionalString("logo"), fields.OptionalString("headlineImage"),
            fields.OptionalString("website"), fields.OptionalString("spotify"),
            fields.Array("genres", (genre, path) => genre.ValueKind == JsonValueKind.String ? genre.GetString() : fields.Null<string>(path, "must be a string")),
            fields.Array("members", (member, path) =>
            {
                var memberFields = new Fields(member, path, problems);
                return memberFields.IsObject ? new SourceMember(memberFields.RequiredString("name", allowEmpty: true), memberFields.OptionalString("role") ?? "") : null;
            }),
            fields.Bool("reviewed"));
        return fields.Failed ? null : band;
    }

    /// <summary>Typed reads of one record's fields; each problem names the record (and its key) and the field.</summary>
    private sealed class Fields(JsonElement element, string record, List<string> problems)
    {
        private readonly int _problemsBefore = problems.Count;
        private string Record => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String
            ? $"{record} (key '{k.GetString()}')" : record;

        public bool IsObject => element.ValueKind == JsonValueKind.Object || Fail($"{record} must be an object");
        public bool Failed => problems.Count > _problemsBefore;

        public void Problem(string field, string message) => problems.Add($"{Record}: field '{field}' {message}");

        public T? Null<T>(string path, string message) where T : class
        {
            problems.Add($"{path}: {message}");
            return null;
        }

        public string RequiredString(string field, bool allowEmpty = false)
        {
            var value = Find(field);
            if (value is not { ValueKind: JsonValueKind.String })
            {
                Problem(field, value is null ? "is missing" : "must be a string");
                return "";
            }
            var text = value.Value.GetString()!;
            if (!allowEmpty && string.IsNullOrWhiteSpace(text))
            {
                Problem(field, "must not be empty");
            }
            return text;
        }

        public string? OptionalString(string field)
        {
            var value = Find(field);
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.Value.ValueKind != JsonValueKind.String)
            {
                Problem(field, "must be a string");
                return null;
            }
            return value.Value.GetString();
        }

        public DateOnly Date(string field)
        {
            var text = RequiredString(field);
            if (text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Problem(field, $"must be an ISO date (yyyy-MM-dd), not '{text}'");
                return default;
            }
            return text.Length > 0 ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : default;
        }

        public double? Number(string field, double min, double max)
        {
            var value = Find(field);
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            if (value.Value.ValueKind != JsonValueKind.Number)
            {
                Problem(field, "must be a number");
                return null;
            }
            var number = value.Value.GetDouble();
            if (number < min || number > max)
            {
                Problem(field, $"must be between {min} and {max}");
            }
            return number;
        }

        public int Int(string field, int min, int max)
        {
            var value = Find(field);
            if (value is not { ValueKind: JsonValueKind.Number } || !value.Value.TryGetInt32(out var number) || number < min || number > max)
            {
                Problem(field, $"must be an integer from {min} to {max}");
                return 0;
            }
            return number;
        }

        public bool Bool(string field)
        {
            var value = Find(field);
            if (value is null)
            {
                return false;
            }
            if (value.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem(field, "must be true or false");
                return false;
            }
            return value.Value.GetBoolean();
        }

        public List<T> Array<T>(string field, Func<JsonElement, string, T?> read) where T : class
        {
            var value = Find(field);
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }
            if (value.Value.ValueKind != JsonValueKind.Array)
            {
                Problem(field, "must be an array");
                return [];
            }
            var result = new List<T>();
            var i = 0;
            foreach (var item in value.Value.EnumerateArray())
            {
                if (read(item, $"{Record}.{field}[{i++}]") is { } parsed)
                {
                    result.Add(parsed);
                }
            }
            return result;
        }

        private JsonElement? Find(string path)
        {
            var current = element;
            foreach (var part in path.Split('.'))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
                {
                    return null;
                }
            }
            return current;
        }

        private bool Fail(string message)
        {
            problems.Add(message);
            return false;
        }
    }
}
