using System.Globalization;
using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage;

namespace MetalFests.Api.Writes;

/// <summary>
/// Reads the fields of one JSON object of a request body and collects an error for every bad one, with its
/// path (<c>bands[3].size</c>), instead of stopping at the first: one answer tells a client all it must fix.
/// A field set to null counts as absent. Once the fields are read, every property no read asked for is an
/// error ("is not a known field"), and so is a property given twice.
/// </summary>
public sealed class FieldReader
{
    public const int MaxUrlLength = 2048;

    /// <summary>The reason given for a field no reader asked for.</summary>
    public const string UnknownField = "is not a known field";

    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly List<FieldError> _errors;

    private FieldReader(JsonElement value, string location, List<FieldError> errors)
    {
        Location = location;
        _errors = errors;
        foreach (var property in value.EnumerateObject())
        {
            if (!_properties.TryAdd(property.Name, property.Value))
            {
                Fail(Path(property.Name), "appears more than once");
            }
        }
    }

    /// <summary>Where this object is in the body: "" for the body itself, "dates" or "bands[3]" inside it.</summary>
    public string Location { get; }

    /// <summary>The path of one of this object's fields, as errors name it.</summary>
    public string Path(string name) => Location.Length == 0 ? name : $"{Location}.{name}";

    /// <summary>
    /// Reads a whole body with <paramref name="read"/>: its value when no field was bad, else the
    /// validation error listing every bad field.
    /// </summary>
    public static Validated<T> Parse<T>(JsonElement body, Func<FieldReader, T?> read) where T : class
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ApiError.Validation([new FieldError(JsonBody.BodyField, "must be a JSON object")]);
        }
        var errors = new List<FieldError>();
        var value = new FieldReader(body, "", errors).ReadAll(read);
        if (errors.Count > 0)
        {
            return ApiError.Validation(errors);
        }
        return new Validated<T>(value ?? throw new InvalidOperationException("A request reader returned no value and no error"), null);
    }

    /// <summary>An error found by a rule across fields (an end before a start): it names this object's field.</summary>
    public void AddError(string name, string reason) => Fail(Path(name), reason);

    /// <summary>Trimmed; absent, null or blank is "is required".</summary>
    public string? RequiredString(string name, int maxLength) => StringAt(Find(name), Path(name), required: true, maxLength);

    /// <summary>Trimmed; absent, null or blank is null.</summary>
    public string? OptionalString(string name, int maxLength) => StringAt(Find(name), Path(name), required: false, maxLength);

    /// <summary>An absolute http or https URL, as written (trimmed); absent, null or blank is null.</summary>
    public string? OptionalUrl(string name)
    {
        var url = OptionalString(name, MaxUrlLength);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            AddError(name, "must be an absolute http(s) URL");
            return null;
        }
        return url;
    }

    /// <summary>An entity key (<see cref="EntityKeys"/>), exactly as given: a key with spaces is not a key.</summary>
    public string? RequiredKey(string name) => KeyAt(Find(name), Path(name), required: true);

    public string? OptionalKey(string name) => KeyAt(Find(name), Path(name), required: false);

    /// <summary>An ISO date string, <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? RequiredDate(string name)
    {
        var path = Path(name);
        if (Find(name) is not { } value)
        {
            Fail(path, "is required");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(TextOf(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Fail(path, "must be an ISO date (yyyy-MM-dd)");
        return null;
    }

    public int? RequiredInt(string name, int min, int max)
    {
        var path = Path(name);
        if (NumberAt(Find(name), path, required: true) is not { } value)
        {
            return null;
        }
        if (!value.TryGetDecimal(out var number) || number < min || number > max)
        {
            Fail(path, $"must be {min} to {max}");
            return null;
        }
        if (number != decimal.Truncate(number))
        {
            Fail(path, "must be a whole number");
            return null;
        }
        return (int)number;
    }

    public double? RequiredDouble(string name, double min, double max)
    {
        var path = Path(name);
        if (NumberAt(Find(name), path, required: true) is not { } value)
        {
            return null;
        }
        if (!value.TryGetDouble(out var number) || number < min || number > max)
        {
            Fail(path, string.Create(CultureInfo.InvariantCulture, $"must be {min} to {max}"));
            return null;
        }
        return number;
    }

    public decimal? OptionalDecimal(string name, decimal min, int maxDecimals)
    {
        var path = Path(name);
        if (NumberAt(Find(name), path, required: false) is not { } value)
        {
            return null;
        }
        if (!value.TryGetDecimal(out var number))
        {
            Fail(path, "is too large");
            return null;
        }
        if (number < min)
        {
            Fail(path, string.Create(CultureInfo.InvariantCulture, $"must be at least {min}"));
            return null;
        }
        if (decimal.Round(number, maxDecimals) != number)
        {
            Fail(path, $"must have at most {maxDecimals} decimals");
            return null;
        }
        return number;
    }

    public bool? OptionalBool(string name)
    {
        switch (Find(name))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.True }:
                return true;
            case { ValueKind: JsonValueKind.False }:
                return false;
            default:
                AddError(name, "must be true or false");
                return null;
        }
    }

    /// <summary>One of <paramref name="allowed"/>, exactly (case matters).</summary>
    public string? RequiredOneOf(string name, IReadOnlyCollection<string> allowed) =>
        OneOfAt(name, allowed, required: true, rule: null);

    /// <summary>
    /// One of <paramref name="allowed"/>, exactly (case matters); <paramref name="defaultValue"/> when absent.
    /// <paramref name="rule"/> says what is allowed when a list would be too long ("an ISO 4217 code").
    /// </summary>
    public string OneOf(string name, IReadOnlyCollection<string> allowed, string defaultValue, string? rule = null) =>
        OneOfAt(name, allowed, required: false, rule) ?? defaultValue;

    public T? RequiredObject<T>(string name, Func<FieldReader, T?> read) where T : class =>
        ObjectAt(Find(name), Path(name), required: true, read);

    public T? OptionalObject<T>(string name, Func<FieldReader, T?> read) where T : class =>
        ObjectAt(Find(name), Path(name), required: false, read);

    /// <summary>An array of objects, each read by <paramref name="item"/> with its own reader (<c>bands[3]</c>).</summary>
    public IReadOnlyList<T>? ObjectArray<T>(string name, bool required, int maxItems, Func<FieldReader, T?> item) where T : class =>
        Items(name, required, maxItems, (value, path) => ObjectAt(value, path, required: true, item));

    /// <summary>An array of entity keys; a key given twice is an error on its second place.</summary>
    public IReadOnlyList<string>? KeyArray(string name, bool required, int maxItems)
    {
        var firstPlace = new Dictionary<string, string>(StringComparer.Ordinal);
        return Items(name, required, maxItems, (value, path) =>
        {
            var key = KeyAt(value, path, required: true);
            if (key is not null && !firstPlace.TryAdd(key, path))
            {
                Fail(path, $"appears twice (first at {firstPlace[key]})");
                return null;
            }
            return key;
        });
    }

    /// <summary>An array of strings exactly as given (not trimmed, not checked further): for the caller to judge each.</summary>
    public IReadOnlyList<string>? StringArray(string name, bool required, int maxItems) =>
        Items(name, required, maxItems, (value, path) =>
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Fail(path, "must be a string");
                return null;
            }
            return TextAt(value, path);
        });

    private T? ReadAll<T>(Func<FieldReader, T?> read)
    {
        var value = read(this);
        foreach (var name in _properties.Keys.Where(name => !_asked.Contains(name)))
        {
            Fail(Path(name), UnknownField);
        }
        return value;
    }

    /// <summary>The field's value, or null when it is absent or JSON null; either way the field is now known.</summary>
    private JsonElement? Find(string name)
    {
        _asked.Add(name);
        return _properties.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private void Fail(string path, string reason) => _errors.Add(new FieldError(path, reason));

    /// <summary>The value when present and of <paramref name="kind"/>; else null, with the error recorded.</summary>
    private JsonElement? OfKind(JsonElement? value, string path, bool required, JsonValueKind kind, string reason)
    {
        if (value is not { } element)
        {
            Missing(path, required);
            return null;
        }
        if (element.ValueKind != kind)
        {
            Fail(path, reason);
            return null;
        }
        return element;
    }

    private string? StringAt(JsonElement? value, string path, bool required, int maxLength)
    {
        if (OfKind(value, path, required, JsonValueKind.String, "must be a string") is not { } element)
        {
            return null;
        }
        var text = TextAt(element, path)?.Trim();
        if (text is null)
        {
            return null;
        }
        if (text.Length == 0)
        {
            Missing(path, required);
            return null;
        }
        if (text.Length > maxLength)
        {
            Fail(path, $"must be at most {maxLength} characters");
            return null;
        }
        return text;
    }

    private string? KeyAt(JsonElement? value, string path, bool required)
    {
        if (OfKind(value, path, required, JsonValueKind.String, "must be a string") is not { } element)
        {
            return null;
        }
        var key = TextAt(element, path);
        if (key is not null && !EntityKeys.IsValid(key))
        {
            Fail(path, EntityKeys.Rule);
            return null;
        }
        return key;
    }

    private JsonElement? NumberAt(JsonElement? value, string path, bool required) =>
        OfKind(value, path, required, JsonValueKind.Number, "must be a number");

    private string? OneOfAt(string name, IReadOnlyCollection<string> allowed, bool required, string? rule)
    {
        var path = Path(name);
        if (Find(name) is not { } value)
        {
            Missing(path, required);
            return null;
        }
        var text = value.ValueKind == JsonValueKind.String ? TextOf(value) : null;
        if (text is not null && allowed.Contains(text))
        {
            return text;
        }
        Fail(path, $"must be {rule ?? "one of " + string.Join(", ", allowed)}");
        return null;
    }

    private T? ObjectAt<T>(JsonElement? value, string path, bool required, Func<FieldReader, T?> read) where T : class
    {
        if (OfKind(value, path, required, JsonValueKind.Object, "must be an object") is not { } element)
        {
            return null;
        }
        return new FieldReader(element, path, _errors).ReadAll(read);
    }

    private List<T>? Items<T>(string name, bool required, int maxItems, Func<JsonElement, string, T?> item) where T : class
    {
        var path = Path(name);
        if (OfKind(Find(name), path, required, JsonValueKind.Array, "must be an array") is not { } array)
        {
            return null;
        }
        if (array.GetArrayLength() > maxItems)
        {
            Fail(path, $"must have at most {maxItems} items");
            return null;
        }
        var items = new List<T>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (item(element, $"{path}[{index}]") is { } value)
            {
                items.Add(value);
            }
            index++;
        }
        return items;
    }

    private void Missing(string path, bool required)
    {
        if (required)
        {
            Fail(path, "is required");
        }
    }

    private string? TextAt(JsonElement value, string path)
    {
        var text = TextOf(value);
        if (text is null)
        {
            Fail(path, "must be valid Unicode text");
        }
        return text;
    }

    /// <summary>A string's text, or null when it has none: JSON can escape half a surrogate pair ("\ud800").</summary>
    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
