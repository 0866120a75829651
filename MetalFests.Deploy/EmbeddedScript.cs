namespace MetalFests.Deploy;

/// <summary>JavaScript shipped inside this assembly (Lambda handlers, CloudFront Functions), by file name next to its construct.</summary>
public static class EmbeddedScript
{
    public static string Read<TConstruct>(string name)
    {
        using var stream = typeof(TConstruct).Assembly.GetManifestResourceStream($"{typeof(TConstruct).Namespace}.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded");
        return new StreamReader(stream).ReadToEnd();
    }
}
