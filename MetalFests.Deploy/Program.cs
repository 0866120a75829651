using Amazon.CDK;
using MetalFests.Deploy;
using MetalFests.Deploy.Functions;

// `publish <service> <folder> [runtime] [msbuild args…]`: a function's package as the deployment builds
// it (bench/deploy.sh measures its variants); otherwise the CDK app.
if (args is ["publish", var service, var folder, .. var rest])
{
    var project = ServiceProject.All.Single(p => p.Name == service);
    var runtime = rest is [var rid, ..] && !rid.StartsWith('-') ? rid : FunctionPackage.LambdaRuntimeIdentifier;
    new FunctionPackage(project.ProjectDirectory, runtime).Publish(folder, selfContained: true, [.. rest.SkipWhile(a => !a.StartsWith('-'))]);
    return;
}

var app = new App();
MetalFestsApp.Build(app, DeploymentProps.FromContext(app));
app.Synth();
