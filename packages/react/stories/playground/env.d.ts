// Vite's public base path, as the builder sets it (`./` in Storybook builds, `/` otherwise).
interface ImportMetaEnv {
  readonly BASE_URL: string;
}
