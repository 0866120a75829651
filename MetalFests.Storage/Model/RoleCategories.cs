namespace MetalFests.Storage.Model;

/// <summary>The family a role belongs to; every role has exactly one.</summary>
public static class RoleCategories
{
    public const string Voice = "voice", String = "string", Percussion = "percussion", Keyboard = "keyboard", Wind = "wind", Electronic = "electronic", Other = "other";

    public static readonly IReadOnlyList<string> All = [Voice, String, Percussion, Keyboard, Wind, Electronic, Other];
}
