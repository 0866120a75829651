using Amazon.CDK;
using MetalFests.Deploy;

var app = new App();
var props = DeploymentProps.FromContext(app);
MetalFestsApp.Build(app, props);
app.Synth();
