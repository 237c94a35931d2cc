"use client";
export { CORE_VERSION } from "@twentythree-upload/core";
