/**
 * Lets `serverless package` run offline, with no AWS credentials, although the service has a layer.
 *
 * While packaging a layer, the framework asks CloudFormation for the deployed stack's outputs, to reuse the
 * layer already uploaded when its hash is unchanged (AwsCompileLayers#compareWithLastLayer). Without credentials
 * that call fails and packaging stops. For the `package` command only, this plugin treats "no credentials" as
 * "no deployed stack to compare with": the layer is packaged as new, as it is for a first deployment.
 * `deploy` (which has credentials) is untouched.
 */
export default class PackageOffline {
  constructor(serverless, options, { log } = {}) {
    this.hooks = {
      'before:package:compileLayers': () => {
        if (serverless.processedInput?.commands?.[0] !== 'package') return;
        const layers = serverless.pluginManager.plugins.find((plugin) => typeof plugin.compareWithLastLayer === 'function');
        if (!layers || layers.compareWithLastLayer.sluiceOffline) return;
        const compare = layers.compareWithLastLayer.bind(layers);
        const offline = async (layerName) => {
          try {
            return await compare(layerName);
          } catch (error) {
            if (error?.code !== 'AWS_CREDENTIALS_NOT_FOUND') throw error;
            log?.info?.(`Layer ${layerName}: no AWS credentials, so no deployed stack to compare with; packaged as new.`);
            return undefined;
          }
        };
        offline.sluiceOffline = true;
        layers.compareWithLastLayer = offline;
      },
    };
  }
}
