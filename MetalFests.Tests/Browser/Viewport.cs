namespace MetalFests.Tests.Browser;

/// <summary>The two screens every page is tested on.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 720, false);
    public static readonly Viewport Phone = new("phone", 375, 667, true);

    public static Viewport Named(string name) => name == Phone.Name ? Phone : Desktop;

    /// <summary>For <c>[Theory, MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]</c>.</summary>
    public static TheoryData<string> Both => [Desktop.Name, Phone.Name];

    public override string ToString() => Name;
}
