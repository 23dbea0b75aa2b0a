/** The objects and Applications the CLI tests deploy. */

export const configMap = (greeting: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: greeting
data:
  greeting: "${greeting}"
`;

export const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: registry.invalid/web:1.0
`;

export interface ApplicationSpec {
  name: string;
  repoURL: string;
  namespace: string;
  cluster: string;
  automated?: boolean;
}

export const application = ({ name, repoURL, namespace, cluster, automated }: ApplicationSpec) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${repoURL}
    targetRevision: main
    path: app
  destination:
    name: ${cluster}
    namespace: ${namespace}
  syncPolicy:
${automated ? '    automated: { prune: true, selfHeal: false }\n' : ''}    syncOptions: [CreateNamespace=true]
`;
