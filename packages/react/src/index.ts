"use client";
// @twentythree-upload/react: an explicit list of the public API. Core's API is re-exported so
// that apps install one package.
export * from "@twentythree-upload/core";
