// Defined by .storybook/main.ts (`viteFinal` → `define`): the emulator the stories upload to.
interface ImportMetaEnv {
  readonly TT_EMULATOR_URL: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
