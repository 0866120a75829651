namespace MetalFests.Tests.Deployment;

/// <summary>
/// The admin key Secrets Manager generates at deploy time meets the rule every key meets (issue 12): at least 32
/// characters, letters and digits only (no punctuation or space to mangle in a header).
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class AdminKeySecretTests(SynthesizedApp app)
{
    [Fact]
    public void The_generated_key_is_at_least_32_letters_and_digits()
    {
        var generated = app.Resources("AWS::SecretsManager::Secret").Single().Resource["Properties"]!["GenerateSecretString"]!;

        Assert.True(generated["PasswordLength"]!.GetValue<int>() >= 32, generated.ToJsonString());
        Assert.True(generated["ExcludePunctuation"]!.GetValue<bool>());
        Assert.False(generated["IncludeSpace"]?.GetValue<bool>() ?? false);
    }
}
